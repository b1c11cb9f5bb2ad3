import type { Enums } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { refreshInstitutionStatus } from "../institutions/refresh-institution-status.ts";
import { applyAction, assertApplicable, loadTenant } from "./approval-actions.ts";

export type DecideApprovalInput = { approvalId: string; decision: "approve" | "reject"; note?: string | undefined };

/** The second person's decision. The requester can never approve their own request. */
export async function decideApproval(ctx: DomainContext, input: DecideApprovalInput) {
  return ctx.db.$transaction(async (tx) => {
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
    // Written before a deletion so the event survives it (its institution link is then cleared).
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: input.decision === "approve" ? "approval.approved" : "approval.rejected",
        institutionId: tenant.id,
        targetType: "approval_request",
        targetId: request.id,
        data: {
          action: request.action,
          requestedBy: request.requestedById,
          legalName: tenant.legalName,
          ...(input.note ? { note: input.note } : {}),
        },
      }),
    });
    if (input.decision === "approve") {
      await applyAction(tx, tenant, request.action, payload, now, ctx.log);
      if (!deleting) await refreshInstitutionStatus(tx, tenant.id, ctx, ctx.clock.now());
    }
    return { id: request.id, status: input.decision === "approve" ? "APPROVED" : "REJECTED" };
  });
}
