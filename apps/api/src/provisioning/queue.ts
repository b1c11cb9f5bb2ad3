// The durable job queue: rows of the `operation` table, claimed with FOR UPDATE SKIP LOCKED so any
// number of workers share it without a broker. Per-stack exclusion has two layers: the claim skips
// stacks that have a RUNNING operation, and a partial unique index (migration
// 20261122140000_operation_stack_lock) makes a second RUNNING row for a stack impossible even if two
// claims race. Every write a worker makes to a claimed row is fenced on `lockedBy`, so a worker
// whose lease was taken over cannot overwrite the new owner's work.
import { type Db, Prisma } from "@opus/db/client";

/** Timestamps as the application's clock sees them (tests move it); columns are UTC `timestamp(3)`. */
const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

export type Claimed = { id: string; reclaimed: boolean };

/**
 * Who claims: the control plane's workers, or the agent of one institution. The two partition the
 * queue exactly: an operation of a managed account whose credentials stay with its agent is the
 * agent's alone, every other one the control plane's.
 */
export type QueueRunner = { kind: "control-plane" } | { kind: "agent"; institutionId: string };
export const CONTROL_PLANE: QueueRunner = { kind: "control-plane" };

function runnerFilter(runner: QueueRunner, alias: Prisma.Sql): Prisma.Sql {
  const agentRun = (institution: Prisma.Sql) => Prisma.sql`
    SELECT 1 FROM environment ev
    JOIN institution i ON i.id = ev."institutionId" AND i."deploymentMode" = 'MANAGED'
    JOIN managed_account ma ON ma."institutionId" = i.id AND ma."credentialsSource" = 'AGENT'
    WHERE ev.id = ${alias}."environmentId" ${institution}`;
  return runner.kind === "agent"
    ? Prisma.sql`AND EXISTS (${agentRun(Prisma.sql`AND ev."institutionId" = ${runner.institutionId}`)})`
    : Prisma.sql`AND NOT EXISTS (${agentRun(Prisma.empty)})`;
}

/**
 * Claims the next runnable QUEUED operation: due (`runAfter` passed), on a stack with nothing
 * RUNNING, and the oldest queued one of its stack. First-in-first-out per stack matters: a destroy
 * queued behind an upgrade that is waiting for a retry must not run first.
 */
export async function claimNext(db: Db, workerId: string, now: Date, runner: QueueRunner = CONTROL_PLANE): Promise<Claimed | null> {
  try {
    const rows = await db.$queryRaw<{ id: string }[]>`
      WITH next AS (
        SELECT o.id FROM "operation" o
        WHERE o.status = 'QUEUED' AND o."runAfter" <= ${at(now)} ${runnerFilter(runner, Prisma.sql`o`)}
          AND NOT EXISTS (SELECT 1 FROM "operation" r WHERE r."stackName" = o."stackName" AND r.status = 'RUNNING')
          AND NOT EXISTS (
            SELECT 1 FROM "operation" e
            WHERE e."stackName" = o."stackName" AND e.status = 'QUEUED' AND (e."createdAt", e.id) < (o."createdAt", o.id))
        ORDER BY o."runAfter", o."createdAt", o.id
        LIMIT 1
        FOR UPDATE OF o SKIP LOCKED)
      UPDATE "operation" o
      SET status = 'RUNNING', "lockedBy" = ${workerId}, "heartbeatAt" = ${at(now)}, attempt = o.attempt + 1,
          "startedAt" = COALESCE(o."startedAt", ${at(now)})
      FROM next WHERE o.id = next.id
      RETURNING o.id`;
    return rows[0] ? { id: rows[0].id, reclaimed: false } : null;
  } catch (error) {
    // Another worker won the race for this stack between our check and our update: the index said
    // no. Nothing was claimed; the next poll looks again.
    if (isStackLockViolation(error)) return null;
    throw error;
  }
}

/**
 * Takes over a RUNNING operation whose worker stopped heartbeating (crashed, killed, partitioned)
 * or released it on shutdown (`heartbeatAt` null). The stack stays locked throughout; the caller
 * repairs the stack before running again. A takeover counts as an attempt, so an operation that
 * kills its worker every time still ends.
 */
export async function reclaimStale(
  db: Db,
  workerId: string,
  now: Date,
  leaseMs: number,
  runner: QueueRunner = CONTROL_PLANE,
): Promise<Claimed | null> {
  const staleBefore = new Date(now.getTime() - leaseMs);
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH stale AS (
      SELECT s.id FROM "operation" s
      WHERE s.status = 'RUNNING' AND (s."heartbeatAt" IS NULL OR s."heartbeatAt" < ${at(staleBefore)}) ${runnerFilter(runner, Prisma.sql`s`)}
      ORDER BY s."heartbeatAt" NULLS FIRST
      LIMIT 1
      FOR UPDATE OF s SKIP LOCKED)
    UPDATE "operation" o SET "lockedBy" = ${workerId}, "heartbeatAt" = ${at(now)}, attempt = o.attempt + 1
    FROM stale WHERE o.id = stale.id
    RETURNING o.id`;
  return rows[0] ? { id: rows[0].id, reclaimed: true } : null;
}

/** Extends the lease and reports whether someone asked to cancel, or whether the lease was lost. */
export async function heartbeat(db: Db, id: string, workerId: string, now: Date): Promise<"ok" | "cancel" | "lost"> {
  const rows = await db.$queryRaw<{ cancel: boolean }[]>`
    UPDATE "operation" SET "heartbeatAt" = ${at(now)}
    WHERE id = ${id} AND "lockedBy" = ${workerId} AND status = 'RUNNING'
    RETURNING "cancelRequestedAt" IS NOT NULL AS cancel`;
  const row = rows[0];
  if (!row) return "lost";
  return row.cancel ? "cancel" : "ok";
}

/**
 * Hands over every operation this worker still runs (its shutdown grace ran out): RUNNING without
 * an owner, so the next claim takes it over and repairs the stack. The attempt stays spent: a run
 * that would not stop may be what is wrong.
 */
export async function releaseOwned(db: Db, workerId: string): Promise<number> {
  const released = await db.operation.updateMany({
    where: { lockedBy: workerId, status: "RUNNING" },
    data: { lockedBy: null, heartbeatAt: null },
  });
  return released.count;
}

/** The WHERE of every write a worker makes to an operation it runs. */
export function ownedBy(id: string, workerId: string) {
  return { id, lockedBy: workerId, status: "RUNNING" as const };
}

export function isStackLockViolation(error: unknown): boolean {
  const text = `${String((error as { message?: unknown })?.message ?? "")} ${JSON.stringify((error as { meta?: unknown })?.meta ?? {})}`;
  return text.includes("operation_stackName_running_key") || text.includes("23505");
}

/**
 * Appends a run's log lines in order. Fenced like every other write: only while `workerId` still
 * owns the run (false otherwise, and nothing is written), so a stale worker's lines never land
 * in the log of the run that took over. `WITH ORDINALITY` keeps the engine's order in the ids.
 */
export async function appendLogLines(db: Db, operationId: string, workerId: string, lines: string[]): Promise<boolean> {
  if (lines.length === 0) return (await db.operation.count({ where: ownedBy(operationId, workerId) })) === 1;
  const written = await db.$executeRaw`
    INSERT INTO operation_log ("operationId", line)
    SELECT ${operationId}, l.line FROM unnest(${lines}::text[]) WITH ORDINALITY AS l(line, n)
    WHERE EXISTS (SELECT 1 FROM "operation" WHERE id = ${operationId} AND "lockedBy" = ${workerId} AND status = 'RUNNING')
    ORDER BY l.n`;
  return written === lines.length;
}
