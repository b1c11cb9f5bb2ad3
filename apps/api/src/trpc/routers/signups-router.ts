import { SIGNUP_STATUSES } from "@opus/rules/enums";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { z } from "zod";
import { zCnpj } from "../../domain/institutions/cnpj-schema.ts";
import { createSignup } from "../../domain/signups/create-signup.ts";
import { decideSignup } from "../../domain/signups/decide-signup.ts";
import { listSignups } from "../../domain/signups/list-signups.ts";
import { perIpLimit, protectedProcedure, publicProcedure, router } from "../init.ts";
import { zDecision, zEmail, zId, zName, zPassword, zReason } from "../schemas.ts";

export const signupsRouter = router({
  /** Public: anyone may ask; nothing exists until Opus approves. */
  create: publicProcedure
    .use(perIpLimit("signupPerIp", "sign-up requests from this address"))
    .input(
      z.strictObject({
        name: zName,
        email: zEmail,
        password: zPassword,
        legalName: z.string().trim().min(1, "is required").max(TEXT_LIMITS.legalName),
        cnpj: z.string().max(32).pipe(zCnpj),
      }),
    )
    .mutation(({ ctx, input }) => createSignup(ctx, input)),
  find: protectedProcedure("institution.review")
    .input(z.strictObject({ status: z.enum(SIGNUP_STATUSES).default("PENDING") }))
    .query(({ ctx, input }) => listSignups(ctx, input)),
  decide: protectedProcedure("institution.review")
    .input(z.strictObject({ signupId: zId, decision: zDecision, reason: zReason.optional() }))
    .mutation(({ ctx, input }) => decideSignup(ctx, input)),
});
