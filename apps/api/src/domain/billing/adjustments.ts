// Manual credit (negative) or debit (positive) lines on a month's report. Four eyes: a second Opus
// person approves; only approved adjustments count, and only while the month's report is a draft.
import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { exclusiveUsageLock } from "../usage/usage-lock.ts";

async function assertDraft(ctx: Pick<DomainContext, "db">, institutionId: string, month: string) {
  const finalized = await ctx.db.usageReport.findUnique({ where: { institutionId_month: { institutionId, month } }, select: { id: true } });
  if (finalized) throw new AppError("PRECONDITION_FAILED", `The ${month} report is finalized: it can no longer be adjusted.`);
}

export async function requestAdjustment(
  ctx: DomainContext,
  input: { institutionId: string; month: string; amountCentavos: number; reason: string },
) {
  if (input.amountCentavos === 0)
    throw new AppError("BAD_INPUT", "An adjustment of zero changes nothing.", { fields: { amountCentavos: "must not be zero" } });
  await assertDraft(ctx, input.institutionId, input.month);
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.usageAdjustment.create({
      data: {
        institutionId: input.institutionId,
        month: input.month,
        amountCentavos: BigInt(input.amountCentavos),
        reason: input.reason,
        requestedById: ctx.actor.userId,
      },
      select: { id: true, status: true },
    });
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "usage_adjustment.requested",
        institutionId: input.institutionId,
        targetType: "usage_adjustment",
        targetId: row.id,
        data: { month: input.month, amountCentavos: input.amountCentavos, reason: input.reason },
      }),
    });
    return row;
  });
}

export async function decideAdjustment(ctx: DomainContext, input: { adjustmentId: string; decision: "approve" | "reject" }) {
  const adjustment = await ctx.db.usageAdjustment.findUnique({ where: { id: input.adjustmentId } });
  if (!adjustment) throw new AppError("NOT_FOUND", "Adjustment not found.");
  if (adjustment.requestedById === ctx.actor.userId) {
    throw new AppError("FORBIDDEN", "Four eyes: a different Opus person must decide an adjustment you requested.");
  }
  const status = input.decision === "approve" ? "APPROVED" : "REJECTED";
  return ctx.db.$transaction(async (tx) => {
    // Under the usage lock finalization holds: an approval lands before the report is computed, or is refused.
    await tx.$executeRaw(exclusiveUsageLock(adjustment.institutionId));
    if (input.decision === "approve") await assertDraft({ db: tx as never }, adjustment.institutionId, adjustment.month);
    // Compare-and-set: of two concurrent decisions, exactly one lands.
    const { count } = await tx.usageAdjustment.updateMany({
      where: { id: adjustment.id, status: "PENDING", requestedById: { not: ctx.actor.userId } },
      data: { status, decidedById: ctx.actor.userId, decidedAt: ctx.clock.now() },
    });
    if (count === 0) throw new AppError("INVALID_TRANSITION", "This adjustment was already decided.");
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: input.decision === "approve" ? "usage_adjustment.approved" : "usage_adjustment.rejected",
        institutionId: adjustment.institutionId,
        targetType: "usage_adjustment",
        targetId: adjustment.id,
        data: { month: adjustment.month, amountCentavos: Number(adjustment.amountCentavos), requestedBy: adjustment.requestedById },
      }),
    });
    return { id: adjustment.id, status };
  });
}

export function listAdjustments(
  ctx: DomainContext,
  input: { month?: string | undefined; status?: "PENDING" | "APPROVED" | "REJECTED" | undefined },
) {
  return ctx.db.usageAdjustment.findMany({
    where: { ...(input.month ? { month: input.month } : {}), ...(input.status ? { status: input.status } : {}) },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      month: true,
      amountCentavos: true,
      reason: true,
      status: true,
      requestedById: true,
      decidedById: true,
      createdAt: true,
      institution: { select: { id: true, legalName: true } },
    },
  });
}
