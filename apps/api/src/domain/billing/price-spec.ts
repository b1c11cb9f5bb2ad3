// A plan version's prices: a monthly base fee per deployment mode (integer centavos) and, per meter,
// an included quantity and a pricing model. Unit prices are exact decimal reais ("0.0015").
import { PRICE_DECIMAL_PATTERN } from "@opus/rules/text-patterns";
import { z } from "zod";
import { exact } from "./money.ts";

const decimal = (what: string) =>
  z.string().trim().regex(PRICE_DECIMAL_PATTERN, `${what} must be a non-negative decimal (at most 8 decimals), e.g. "0.0015"`);

const zCentavos = z.number().int("must be whole centavos").min(0).max(1e13);

const zTier = z.strictObject({
  /** Inclusive upper bound of billable quantity; null for the last tier. */
  upTo: decimal("upTo").nullable(),
  unitPrice: decimal("unitPrice"),
});

const tiersInOrder = (tiers: z.infer<typeof zTier>[], ctx: z.RefinementCtx) => {
  tiers.forEach((tier, i) => {
    const last = i === tiers.length - 1;
    if (last !== (tier.upTo === null))
      ctx.addIssue({ code: "custom", path: ["tiers", i, "upTo"], message: "only the last tier is open-ended (upTo null)" });
    const previous = tiers[i - 1]?.upTo;
    if (tier.upTo !== null && previous != null && exact(tier.upTo).lte(exact(previous))) {
      ctx.addIssue({ code: "custom", path: ["tiers", i, "upTo"], message: "tiers must be in increasing order" });
    }
  });
};

export const zMeterPrice = z.discriminatedUnion("model", [
  z
    .strictObject({ model: z.literal("GRADUATED"), included: decimal("included"), tiers: z.array(zTier).min(1).max(20) })
    .superRefine((p, ctx) => tiersInOrder(p.tiers, ctx)),
  z
    .strictObject({ model: z.literal("VOLUME"), included: decimal("included"), tiers: z.array(zTier).min(1).max(20) })
    .superRefine((p, ctx) => tiersInOrder(p.tiers, ctx)),
  z
    .strictObject({
      model: z.literal("PACKAGE"),
      included: decimal("included"),
      packageSize: decimal("packageSize"),
      packagePrice: decimal("packagePrice"),
    })
    .refine((p) => exact(p.packageSize).gt(0), { path: ["packageSize"], message: "packageSize must be above zero" }),
]);

export const zPriceSpec = z.strictObject({
  baseFees: z.strictObject({ SAAS: zCentavos, MANAGED: zCentavos, SELF_MANAGED: zCentavos }),
  meters: z.record(z.string().min(1).max(64), zMeterPrice),
});

export type MeterPrice = z.infer<typeof zMeterPrice>;
export type PriceSpec = z.infer<typeof zPriceSpec>;
