// The audit trail's hash chain: how an event's content is made canonical, how it is hashed with the
// previous event's hash, and the one append that numbers and links events. Every writer (the API's
// recordAudit, the seed) appends through `appendAuditEvent`, so concurrent writers cannot fork the
// chain: each takes the chain head's row lock in its own transaction, and the next writer waits for
// that transaction to commit or roll back. `scripts/verify-audit-export.mjs` re-implements
// `canonicalJson` and `auditEventHash` without importing this file, as an outside verifier would.
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "./generated/client.ts";

export const GENESIS_HASH = "0".repeat(64);

/** What is hashed: every stored column of the event except the hash itself. */
export type ChainedEventContent = {
  seq: bigint;
  prevHash: string;
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  institutionId: string | null;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export type NewAuditEvent = Omit<ChainedEventContent, "seq" | "prevHash" | "id" | "createdAt">;

/** JSON with object keys sorted (by UTF-16 code unit) at every depth and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("audit data cannot hold a non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new TypeError(`audit data cannot hold a ${typeof value}`);
}

/** The canonical document of one event (format version 1), as exported and hashed. */
export function canonicalAuditEvent(event: ChainedEventContent): Record<string, unknown> {
  return {
    v: 1,
    seq: event.seq.toString(),
    prevHash: event.prevHash,
    id: event.id,
    createdAt: event.createdAt.toISOString(),
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    action: event.action,
    institutionId: event.institutionId,
    targetType: event.targetType,
    targetId: event.targetId,
    data: event.data ?? null,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
  };
}

export function auditEventHash(event: ChainedEventContent): string {
  return createHash("sha256")
    .update(canonicalJson(canonicalAuditEvent(event)), "utf8")
    .digest("hex");
}

type HeadRow = { seq: bigint; headHash: string; now: Date };

/**
 * Appends one event to the chain inside the caller's transaction. The head's row lock is held until
 * that transaction ends, so call it last (as `audited` does): everything before it runs in parallel,
 * only the append and the commit are serialised.
 */
export async function appendAuditEvent(tx: Prisma.TransactionClient, event: NewAuditEvent): Promise<{ id: string; seq: bigint }> {
  // Stored exactly as hashed: JSON round-trip drops what JSONB would drop (undefined, prototypes).
  const data = event.data === undefined || event.data === null ? null : JSON.parse(JSON.stringify(event.data));
  canonicalJson(data); // refuses what cannot be hashed before anything is locked
  const [head] = await tx.$queryRaw<HeadRow[]>`
    SELECT "seq", "headHash", date_trunc('milliseconds', clock_timestamp()) AS "now"
    FROM "audit_chain_head" WHERE "id" = 1 FOR UPDATE`;
  if (!head) throw new Error("audit_chain_head is missing: the audit migration has not run");
  const content: ChainedEventContent = {
    ...event,
    data,
    seq: head.seq + 1n,
    prevHash: head.headHash,
    id: randomUUID(),
    // The database's clock, read under the lock: times never run backwards along the chain.
    createdAt: head.now,
  };
  const hash = auditEventHash(content);
  await tx.auditEvent.create({
    data: { ...content, data: data ?? undefined, hash },
  });
  await tx.$executeRaw`UPDATE "audit_chain_head" SET "seq" = ${content.seq}, "headHash" = ${hash} WHERE "id" = 1`;
  return { id: content.id, seq: content.seq };
}
