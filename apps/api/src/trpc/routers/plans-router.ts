import { PLAN_SIZES } from "@opus/rules/enums";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { PLAN_CODE_PATTERN } from "@opus/rules/text-patterns";
import { z } from "zod";
import { listPlans, savePlan } from "../../domain/plans/plans.ts";
import { protectedProcedure, router, signedInProcedure } from "../init.ts";
import { zId, zName } from "../schemas.ts";

export const plansRouter = router({
  find: signedInProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => listPlans(ctx)),
  save: protectedProcedure("plans.manage")
    .input(
      z.strictObject({
        id: zId.optional(),
        code: z
          .string()
          .trim()
          .min(TEXT_LIMITS.planCodeMin)
          .max(TEXT_LIMITS.planCodeMax)
          .regex(PLAN_CODE_PATTERN, "lower-case letters, digits and '-'"),
        name: zName,
        size: z.enum(PLAN_SIZES),
        active: z.boolean(),
      }),
    )
    .mutation(({ ctx, input }) => savePlan(ctx, input)),
});
