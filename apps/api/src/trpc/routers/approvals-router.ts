import { APPROVAL_FILTERS } from "@opus/rules/enums";
import { z } from "zod";
import { decideApproval } from "../../domain/approvals/decide-approval.ts";
import { listApprovals } from "../../domain/approvals/list-approvals.ts";
import { protectedProcedure, router } from "../init.ts";
import { zDecision, zId, zReason } from "../schemas.ts";

export const approvalsRouter = router({
  find: protectedProcedure("institution.govern")
    .input(z.strictObject({ status: z.enum(APPROVAL_FILTERS).default("PENDING") }))
    .query(({ ctx, input }) => listApprovals(ctx, input)),
  decide: protectedProcedure("institution.govern")
    .input(z.strictObject({ approvalId: zId, decision: zDecision, note: zReason.optional() }))
    .mutation(({ ctx, input }) => decideApproval(ctx, input)),
});
