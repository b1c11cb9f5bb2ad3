import { METER_CODE_PATTERN } from "@opus/rules/text-patterns";
import { z } from "zod";
import { correctUsageEvent } from "../../domain/usage/correct-usage-event.ts";
import { dailyUsage } from "../../domain/usage/daily-usage.ts";
import { listAllMeters } from "../../domain/usage/list-meters.ts";
import { createMeter, retireMeter } from "../../domain/usage/manage-meters.ts";
import { zQuantity } from "../../domain/usage/usage-event-schema.ts";
import { protectedProcedure, router, signedInProcedure } from "../init.ts";
import { zInstitutionScope, zName, zReason } from "../schemas.ts";
import { zMonth } from "./billing-schemas.ts";

const zCode = z.string().trim().regex(METER_CODE_PATTERN, "2 to 64 lower-case letters, digits and '_', starting with a letter");

export const usageRouter = router({
  meters: signedInProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => listAllMeters(ctx)),
  daily: protectedProcedure("usage.read")
    .input(z.strictObject({ ...zInstitutionScope, month: zMonth }))
    .query(({ ctx, input }) => dailyUsage(ctx, input)),
  correct: protectedProcedure("usage.correct")
    .input(
      z.strictObject({
        ...zInstitutionScope,
        eventId: z.string().min(1).max(200),
        action: z.enum(["void", "amend"]),
        quantity: zQuantity.optional(),
        reason: zReason,
      }),
    )
    .mutation(({ ctx, input }) => correctUsageEvent(ctx, input)),
  createMeter: protectedProcedure("meters.manage")
    .input(
      z.strictObject({
        code: zCode,
        name: zName,
        unit: z.string().trim().min(1).max(40),
        aggregation: z.enum(["COUNT", "SUM", "MAX", "LATEST"]),
        dimensions: z.array(zCode).max(8),
      }),
    )
    .mutation(({ ctx, input }) => createMeter(ctx, input)),
  retireMeter: protectedProcedure("meters.manage")
    .input(z.strictObject({ code: zCode }))
    .mutation(({ ctx, input }) => retireMeter(ctx, input)),
});
