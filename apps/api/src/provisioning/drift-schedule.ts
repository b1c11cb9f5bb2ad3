// Drift detection: a preview-only refresh of every ACTIVE environment every `everyMs`. Every
// worker runs this schedule; the idempotency key per environment and time window makes the extra
// runs harmless, so there is no leader to elect.
import type { Db } from "@opus/db/client";
import { SYSTEM_SOURCE } from "../domain/audit/system-source.ts";
import type { Clock } from "../domain/domain-context.ts";
import { enqueueOperation } from "../domain/environments/enqueue-operation.ts";
import { AppError } from "../errors/app-error.ts";
import type { Logger } from "../logger.ts";

export function driftCheckKey(environmentId: string, now: Date, everyMs: number): string {
  return `drift:${environmentId}:${Math.floor(now.getTime() / everyMs)}`;
}

/** Enqueues the current window's drift checks; returns how many were new. */
export async function scheduleDriftChecks(db: Db, now: Date, everyMs: number): Promise<number> {
  const environments = await db.environment.findMany({
    where: {
      status: "ACTIVE",
      institution: { deploymentMode: { in: ["SAAS", "MANAGED"] } },
      // A check still waiting (a slow queue) is enough; do not pile up another.
      operations: { none: { kind: "REFRESH", status: { in: ["QUEUED", "RUNNING"] } } },
    },
    select: { id: true },
  });
  let created = 0;
  for (const environment of environments) {
    try {
      const result = await enqueueOperation(
        db,
        { source: SYSTEM_SOURCE, now, audit: false },
        // Two attempts: a drift check is routine, the next window will look again.
        { environmentId: environment.id, kind: "REFRESH", idempotencyKey: driftCheckKey(environment.id, now, everyMs), maxAttempts: 2 },
      );
      if (result.created) created++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error; // a tenant the rules exclude (e.g. offboarded)
    }
  }
  return created;
}

/** Runs the schedule until `signal` aborts, looking at least once a minute. */
export async function runDriftSchedule(
  deps: { db: Db; clock: Clock; log: Logger },
  everyMs: number,
  signal: AbortSignal,
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
) {
  while (!signal.aborted) {
    try {
      const created = await scheduleDriftChecks(deps.db, deps.clock.now(), everyMs);
      if (created > 0) deps.log.info({ created }, "drift checks queued");
    } catch (error) {
      deps.log.error({ err: error }, "drift schedule failed");
    }
    await sleep(Math.min(everyMs, 60_000), signal);
  }
}
