// The worker's usage schedule, every few minutes on every worker (each step is idempotent, so no
// leader is needed): prepare partitions, record today's environment-days, finalize due reports.
import type { SqlPool } from "@opus/db/sql-pool";
import type { PublicDomainContext } from "../domain-context.ts";
import { ensureUsagePartitions } from "../usage/ensure-partitions.ts";
import { recordEnvironmentDays } from "../usage/record-environment-days.ts";
import { finalizeDueReports } from "./finalize-due-reports.ts";

/** What a usage pass reaches: the API's services have it, and so do the worker's (the domain does not import the process wiring). */
export type UsageScheduleDeps = Pick<PublicDomainContext, "db" | "clock" | "log"> & { sql: SqlPool; reportGraceDays: number };

export async function runUsagePass(services: UsageScheduleDeps) {
  await ensureUsagePartitions(services);
  await recordEnvironmentDays(services);
  await finalizeDueReports(services, services.reportGraceDays);
}

export async function runUsageSchedule(
  services: UsageScheduleDeps,
  everyMs: number,
  signal: AbortSignal,
  sleep: (ms: number, signal: AbortSignal) => Promise<void>,
) {
  while (!signal.aborted) {
    try {
      await runUsagePass(services);
    } catch (err) {
      // A failed pass is retried at the next one; reports stay drafts meanwhile.
      services.log.error({ err }, "usage schedule pass failed");
    }
    await sleep(everyMs, signal);
  }
}
