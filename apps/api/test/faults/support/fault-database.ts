// The database side of a fault run: a fresh seeded database, a queue of operations over several
// stacks, and afterwards how each operation ended as the database records it (its row and its
// audit events), which is what "none lost, none doubled" is counted on.
import { createDb, type Db } from "@opus/db/client";
import { seedDemoData } from "@opus/db/seed";
import { createTestDatabase } from "@opus/db/test-database";
import { enqueueOperation } from "../../../src/domain/environments/enqueue-operation.ts";
import { DEV_CREDENTIALS_PUBLIC_KEY } from "../../../src/env/settings.ts";
import { createCredentialsSealer } from "../../../src/lib/credentials-envelope.ts";
import { createTenant } from "../../provisioning/support/fixtures.ts";

export const FAULT_AUTH_SECRET = "fault-test-auth-secret-0123456789abcdef0123";
const TERMINAL = ["SUCCEEDED", "FAILED", "CANCELLED"] as const;

export async function createFaultDatabase(serverUrl: string): Promise<{ url: string; db: Db; drop(): Promise<void> }> {
  const database = await createTestDatabase(serverUrl);
  const db = createDb(database.url, { poolSize: 3 });
  // The worker processes run with the development keys; the seed seals with the matching public key.
  await seedDemoData(db, {
    authSecret: FAULT_AUTH_SECRET,
    encryptCredentials: createCredentialsSealer(DEV_CREDENTIALS_PUBLIC_KEY).encrypt,
  });
  return {
    url: database.url,
    db,
    async drop() {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** `stacks` tenants with `perStack` operations each, deploys and previews alternating; their ids. */
export async function queueOperations(db: Db, stacks: number, perStack: number): Promise<string[]> {
  const tenants = [];
  for (let i = 0; i < stacks; i++) tenants.push(await createTenant(db));
  const ids: string[] = [];
  for (let round = 0; round < perStack; round++) {
    for (const tenant of tenants) {
      const kind = round % 2 === 0 ? "UP" : "PREVIEW";
      const { operation } = await enqueueOperation(db, { now: new Date() }, { environmentId: tenant.env.id, kind });
      ids.push(operation.id);
    }
  }
  return ids;
}

export async function endedCount(db: Db, ids: string[]): Promise<number> {
  return db.operation.count({ where: { id: { in: ids }, status: { in: [...TERMINAL] } } });
}

export type Outcomes = {
  byStatus: Record<string, number>;
  /** Not ended when the run was over. */
  lost: string[];
  /** Ended with more (or fewer) than one audit event recording the end. */
  doubled: string[];
  failedWithoutReason: string[];
  /** Takeovers and retries: attempts beyond the first. */
  extraAttempts: number;
};

export async function outcomesOf(db: Db, ids: string[]): Promise<Outcomes> {
  const rows = await db.operation.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, attempt: true, error: true } });
  const events = await db.auditEvent.groupBy({
    by: ["targetId"],
    where: { targetId: { in: ids }, action: { in: TERMINAL.map((s) => `environment.operation_${s.toLowerCase()}`) } },
    _count: true,
  });
  const endEvents = new Map(events.map((e) => [e.targetId, e._count]));
  const byStatus: Record<string, number> = {};
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  const ended = rows.filter((r) => (TERMINAL as readonly string[]).includes(r.status));
  return {
    byStatus,
    lost: ids.filter((id) => !ended.some((r) => r.id === id)),
    doubled: ended.filter((r) => endEvents.get(r.id) !== 1).map((r) => r.id),
    failedWithoutReason: ended.filter((r) => r.status === "FAILED" && !r.error).map((r) => r.id),
    extraAttempts: rows.reduce((sum, r) => sum + Math.max(0, r.attempt - 1), 0),
  };
}

export async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
