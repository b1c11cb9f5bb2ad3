// A rollout as an admin describes it: the release, which environments (by mode, plan, kind,
// explicit tenants) and the ordered waves with their gates.
import { DEPLOYMENT_MODES, ENVIRONMENT_KINDS } from "@opus/rules/enums";
import { z } from "zod";

const zIds = z.array(z.string().trim().min(1).max(64)).max(1000);
/** Tenants by slug, as operators know them; resolved to ids before planning (resolve-tenants.ts). */
const zSlugs = z.array(z.string().trim().min(1).max(63)).max(1000);

export const zSelection = z.strictObject({
  modes: z.array(z.enum(DEPLOYMENT_MODES)).max(3).default([]),
  planIds: zIds.default([]),
  kinds: z.array(z.enum(ENVIRONMENT_KINDS)).max(3).default([]),
  institutionIds: zIds.default([]),
  tenants: zSlugs.default([]),
});
export type Selection = z.infer<typeof zSelection>;

const zWaveFields = z.strictObject({
  name: z.string().trim().min(1, "is required").max(80),
  kinds: z.array(z.enum(ENVIRONMENT_KINDS)).max(3).optional(),
  modes: z.array(z.enum(DEPLOYMENT_MODES)).max(3).optional(),
  institutionIds: zIds.optional(),
  tenants: zSlugs.optional(),
  maxConcurrency: z.union([
    z.strictObject({ count: z.number().int().min(1, "must be at least 1").max(10_000) }),
    z.strictObject({ percent: z.number().int().min(1, "must be at least 1%").max(100, "must be at most 100%") }),
  ]),
  // GKE caps a soak at 30 days; so do we.
  soakMinutes: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 60, "must be at most 30 days"),
  failureThreshold: z.number().int().min(1, "must be at least 1").max(10_000),
  requiresApproval: z.boolean().default(false),
  /** Through the soak, upgraded environments must stay within the regulatory thresholds (see health-gate.ts). */
  healthGate: z.boolean().default(false),
  /** With the gate: roll the breaching environments back, not only halt. */
  rollbackOnBreach: z.boolean().default(false),
});

export const zWaveSpec = zWaveFields.refine((w) => w.healthGate || !w.rollbackOnBreach, {
  message: "rolling back on a breach needs the health gate",
  path: ["rollbackOnBreach"],
});

export const zRolloutInput = z.strictObject({
  name: z.string().trim().min(1, "is required").max(120),
  releaseId: z.string().trim().min(1).max(64),
  selection: zSelection,
  waves: z.array(zWaveSpec).min(1, "needs at least one wave").max(20, "at most 20 waves"),
  previewFirst: z.boolean().default(false),
  upgradeMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});
export type RolloutInput = z.infer<typeof zRolloutInput>;
