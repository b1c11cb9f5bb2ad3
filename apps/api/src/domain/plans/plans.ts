import type { PlanSize } from "@opus/rules/enums";
import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";

const planSelect = { id: true, code: true, name: true, size: true, active: true } as const;

/** Customers choose among active plans in the wizard; Opus admins also see retired ones. */
export function listPlans(ctx: DomainContext) {
  const staff = Boolean(ctx.actor.staffRole);
  return ctx.db.plan.findMany({ where: staff ? {} : { active: true }, orderBy: { name: "asc" }, select: planSelect });
}

export type SavePlanInput = { id?: string | undefined; code: string; name: string; size: PlanSize; active: boolean };

export async function savePlan(ctx: DomainContext, input: SavePlanInput) {
  const clash = await ctx.db.plan.findFirst({
    where: { code: input.code, ...(input.id ? { id: { not: input.id } } : {}) },
    select: { id: true },
  });
  if (clash) throw new AppError("CONFLICT", `A plan with code "${input.code}" already exists.`, { fields: { code: "already used" } });
  const { id, ...data } = input;
  return ctx.db.$transaction(async (tx) => {
    if (id && !(await tx.plan.findUnique({ where: { id }, select: { id: true } }))) throw new AppError("NOT_FOUND", "Plan not found.");
    const plan = id
      ? await tx.plan.update({ where: { id }, data, select: planSelect })
      : await tx.plan.create({ data, select: planSelect });
    await tx.auditEvent.create({
      data: auditEntry(ctx, { action: id ? "plan.updated" : "plan.created", targetType: "plan", targetId: plan.id, data }),
    });
    return plan;
  });
}
