import type { Enums } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { refreshInstitutionStatus } from "../institutions/refresh-institution-status.ts";
import { applyAction, assertApplicable, loadTenant } from "./approval-actions.ts";

export type DecideApprovalInput = { approvalId: string; decision: "approve" | "reject"; note?: string | undefined };

/** The second person's decision. The requester can never approve their own request. */
export async function decideApproval(ctx: DomainContext, input: DecideApprovalInput) {
  return audited(ctx, ctx.db, async (tx) => {
    const request = await tx.approvalRequest.findUnique({ where: { id: input.approvalId } });
    if (!request) throw new AppError("NOT_FOUND", "Approval request not found.");
    if (request.status !== "PENDING") throw new AppError("INVALID_TRANSITION", "This request was already decided.");
    if (request.requestedById === ctx.actor.userId) {
      throw new AppError("FORBIDDEN", "Four eyes: a different Opus person must decide a change you requested.");
    }
    const now = ctx.clock.now();
    // Compare-and-set: of concurrent decisions (approve or reject) on one request, exactly one claims it.
    const claimed = await tx.approvalRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: {
        status: input.decision === "approve" ? "APPROVED" : "REJECTED",
        decidedById: ctx.actor.userId,
        decidedAt: now,
        decisionNote: input.note ?? null,
      },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "Someone else decided this request at the same moment. Reload the inbox.");
    const tenant = await loadTenant(tx, request.institutionId);
    if (!tenant) throw new AppError("NOT_FOUND", "Institution not found.");
    const payload = (request.payload ?? null) as { deploymentMode?: Enums.DeploymentMode } | null;
    if (input.decision === "approve") assertApplicable(tenant, request.action, payload);

    const deleting = input.decision === "approve" && request.action === "DELETE";
    let statusChange = null;
    if (input.decision === "approve") {
      await applyAction(tx, tenant, request.action, payload, now, ctx.log, request);
      if (!deleting) statusChange = (await refreshInstitutionStatus(tx, tenant.id, now)).statusChange;
    }
    return {
      result: { id: request.id, status: input.decision === "approve" ? "APPROVED" : "REJECTED" },
      audit: {
        action: input.decision === "approve" ? "approval.approved" : "approval.rejected",
        // A deleted institution is gone: the event keeps its name, not a link to it.
        institutionId: deleting ? null : tenant.id,
        targetType: "approval_request",
        targetId: request.id,
        data: {
          action: request.action,
          requestedBy: request.requestedById,
          legalName: tenant.legalName,
          ...(input.note ? { note: input.note } : {}),
          ...(statusChange ? { statusChange } : {}),
        },
      },
    };
  });
}
