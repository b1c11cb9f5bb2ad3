// The worker's schedule: every report whose grace period is over is finalized by the system.

import { AppError } from "../../errors/app-error.ts";
import type { Logger } from "../../logger.ts";
import type { Clock, PublicDomainContext } from "../domain-context.ts";
import { addMonths, billingMonthOf } from "../usage/sao-paulo-time.ts";
import { BILLABLE_STATUSES } from "./compute-reports.ts";
import { finalizeReport } from "./finalize-report.ts";
import { draftPhase } from "./report-status.ts";

/** Looks this many months back, so a worker that was down for a while catches up. */
const LOOKBACK_MONTHS = 3;

export async function finalizeDueReports(ctx: Pick<PublicDomainContext, "db"> & { clock: Clock; log: Logger }, graceDays: number) {
  const now = ctx.clock.now();
  const current = billingMonthOf(now);
  let finalized = 0;
  for (let back = LOOKBACK_MONTHS; back >= 1; back--) {
    const month = addMonths(current, -back);
    if (draftPhase(month, now, graceDays) !== "DUE") continue;
    const pending = await ctx.db.institution.findMany({
      where: { status: { in: BILLABLE_STATUSES }, planId: { not: null }, usageReports: { none: { month } } },
      select: { id: true },
    });
    for (const { id } of pending) {
      try {
        await finalizeReport({ ...ctx, actor: null, ip: null, userAgent: "worker", requestId: null }, { institutionId: id, month });
        finalized++;
      } catch (error) {
        // Opus billing may have finalized it meanwhile: that is the outcome we wanted.
        if (!(error instanceof AppError && error.code === "INVALID_TRANSITION")) throw error;
      }
    }
  }
  if (finalized) ctx.log.info({ finalized }, "usage reports finalized");
  return finalized;
}
