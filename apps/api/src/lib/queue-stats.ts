// Where the provisioning queue stands, read from PostgreSQL (every replica sees the same truth):
// the Prometheus gauges and the Opus dashboard both show these figures.
import type { Db } from "@opus/db/client";

export type QueueStats = {
  queued: number;
  running: number;
  /** Age of the oldest operation waiting for a worker; 0 when none waits. */
  oldestQueuedSeconds: number;
  /** Operations that ended FAILED (attempts used up, or refused) since `failedSince`. */
  failedSince: number;
};

/** One statement: the queue's depth, its oldest wait and recent failures. */
export async function provisioningQueueStats(db: Pick<Db, "$queryRaw">, failedSince: Date): Promise<QueueStats> {
  const [row] = await db.$queryRaw<{ queued: bigint; running: bigint; oldest: number | null; failed: bigint }[]>`
    SELECT count(*) FILTER (WHERE status = 'QUEUED') AS queued,
           count(*) FILTER (WHERE status = 'RUNNING') AS running,
           extract(epoch FROM now() - min("createdAt") FILTER (WHERE status = 'QUEUED'))::float8 AS oldest,
           count(*) FILTER (WHERE status = 'FAILED' AND "finishedAt" >= ${failedSince}) AS failed
    FROM operation
    WHERE status IN ('QUEUED', 'RUNNING') OR (status = 'FAILED' AND "finishedAt" >= ${failedSince})`;
  return {
    queued: Number(row?.queued ?? 0),
    running: Number(row?.running ?? 0),
    oldestQueuedSeconds: Math.max(0, row?.oldest ?? 0),
    failedSince: Number(row?.failed ?? 0),
  };
}
