// Plan prices are versioned by month: a change applies from a month that has not begun (São Paulo
// time), never to the current or a past month, so a report's prices cannot move under it.
import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext, PublicDomainContext } from "../domain-context.ts";
import { billingMonthOf } from "../usage/sao-paulo-time.ts";
import { type PriceSpec, zPriceSpec } from "./price-spec.ts";

export type PriceVersion = { id: string; planId: string; effectiveMonth: string; spec: PriceSpec };

function toVersion(row: { id: string; planId: string; effectiveMonth: string; baseFees: unknown; meterPrices: unknown }): PriceVersion {
  return {
    id: row.id,
    planId: row.planId,
    effectiveMonth: row.effectiveMonth,
    spec: zPriceSpec.parse({ baseFees: row.baseFees, meters: row.meterPrices }),
  };
}

/** The version in force for `month`: the latest that starts at or before it. */
export async function priceVersionFor(ctx: Pick<PublicDomainContext, "db">, planId: string, month: string): Promise<PriceVersion | null> {
  const row = await ctx.db.planPriceVersion.findFirst({
    where: { planId, effectiveMonth: { lte: month } },
    orderBy: { effectiveMonth: "desc" },
  });
  return row ? toVersion(row) : null;
}

export async function priceVersionById(ctx: Pick<PublicDomainContext, "db">, id: string): Promise<PriceVersion | null> {
  const row = await ctx.db.planPriceVersion.findUnique({ where: { id } });
  return row ? toVersion(row) : null;
}

export async function listPlanPrices(ctx: DomainContext, input: { planId: string }) {
  const rows = await ctx.db.planPriceVersion.findMany({ where: { planId: input.planId }, orderBy: { effectiveMonth: "desc" } });
  return rows.map(toVersion);
}

export async function setPlanPrices(ctx: DomainContext, input: { planId: string; effectiveMonth: string; spec: PriceSpec }) {
  const current = billingMonthOf(ctx.clock.now());
  if (input.effectiveMonth <= current) {
    throw new AppError("BAD_INPUT", `Prices apply from a month that has not begun: the earliest is the month after ${current}.`, {
      fields: { effectiveMonth: "must be a future month" },
    });
  }
  const meters = await ctx.db.meter.findMany({ where: { code: { in: Object.keys(input.spec.meters) } }, select: { code: true } });
  const unknown = Object.keys(input.spec.meters).filter((code) => !meters.some((m) => m.code === code));
  if (unknown.length) throw new AppError("BAD_INPUT", `Unknown meter(s): ${unknown.join(", ")}.`, { fields: { spec: "unknown meter" } });
  return ctx.db.$transaction(async (tx) => {
    if (!(await tx.plan.findUnique({ where: { id: input.planId }, select: { id: true } })))
      throw new AppError("NOT_FOUND", "Plan not found.");
    // A version for a month not yet begun may be replaced; its month is in the future by the check above.
    const row = await tx.planPriceVersion.upsert({
      where: { planId_effectiveMonth: { planId: input.planId, effectiveMonth: input.effectiveMonth } },
      create: {
        planId: input.planId,
        effectiveMonth: input.effectiveMonth,
        baseFees: input.spec.baseFees,
        meterPrices: input.spec.meters,
        createdById: ctx.actor.userId,
      },
      update: { baseFees: input.spec.baseFees, meterPrices: input.spec.meters, createdById: ctx.actor.userId },
    });
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "plan.prices_set",
        targetType: "plan",
        targetId: input.planId,
        data: { effectiveMonth: input.effectiveMonth, baseFees: input.spec.baseFees, meters: input.spec.meters },
      }),
    });
    return toVersion(row);
  });
}
