// Finalizing freezes a month's report: its canonical content, SHA-256 and who finalized it (a person,
// or null for the scheduled job). Under the institution's exclusive usage lock, so no event can land
// between the computation and the row; the unique (institution, month) row makes a second attempt,
// concurrent or not, a no-op that reports the conflict. The row itself can never be updated (trigger).
import { AppError } from "../../errors/app-error.ts";
import { type AuditSource, auditEntry } from "../audit/audit-entry.ts";
import type { Clock, PublicDomainContext } from "../domain-context.ts";
import { monthBounds } from "../usage/sao-paulo-time.ts";
import { exclusiveUsageLock } from "../usage/usage-lock.ts";
import { computeReport } from "./compute-reports.ts";
import { canonicalJson, sha256Hex } from "./report-content.ts";

type Ctx = Pick<PublicDomainContext, "db"> & AuditSource & { clock: Clock };

export async function finalizeReport(ctx: Ctx, input: { institutionId: string; month: string }) {
  const now = ctx.clock.now();
  if (now < monthBounds(input.month).end) {
    throw new AppError("PRECONDITION_FAILED", `${input.month} is not over yet (São Paulo time): its report is still open.`);
  }
  return ctx.db.$transaction(
    async (tx) => {
      await tx.$executeRaw(exclusiveUsageLock(input.institutionId));
      const content = await computeReport({ db: tx as never }, input.institutionId, input.month);
      if (!content) throw new AppError("NOT_FOUND", "This institution has no report for that month.");
      const canonical = canonicalJson(content);
      const contentSha256 = sha256Hex(canonical);
      const { count } = await tx.usageReport.createMany({
        data: {
          institutionId: input.institutionId,
          month: input.month,
          canonical,
          contentSha256,
          totalCentavos: BigInt(content.totalCentavos),
          finalizedById: ctx.actor?.userId ?? null,
          finalizedByEmail: ctx.actor?.email ?? null,
          finalizedAt: now,
        },
        skipDuplicates: true,
      });
      if (count === 0) throw new AppError("INVALID_TRANSITION", `The ${input.month} report is already finalized.`);
      await tx.auditEvent.create({
        data: auditEntry(ctx, {
          action: "usage_report.finalized",
          institutionId: input.institutionId,
          targetType: "usage_report",
          targetId: `${input.institutionId}:${input.month}`,
          data: { month: input.month, contentSha256, totalCentavos: content.totalCentavos },
        }),
      });
      return { month: input.month, contentSha256, totalCentavos: content.totalCentavos };
    },
    { timeout: 30_000 },
  );
}
