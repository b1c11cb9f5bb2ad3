import type { DomainContext } from "../domain-context.ts";
import { API_FAMILIES } from "./api-families.ts";

/** The choices the onboarding wizard offers: SaaS regions, API families by phase, active plans. */
export async function wizardOptions(ctx: DomainContext) {
  const plans = await ctx.db.plan.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, size: true },
  });
  return { regions: ctx.settings.saasRegions, apiFamilies: API_FAMILIES, plans };
}
