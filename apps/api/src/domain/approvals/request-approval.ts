import type { Enums } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import { onUniqueViolation } from "../../errors/database-errors.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { type ApprovalAction, assertApplicable, loadTenant } from "./approval-actions.ts";

const ALREADY_WAITING = "The same change is already waiting for approval.";

export type RequestApprovalInput = {
  institutionId: string;
  action: ApprovalAction;
  reason: string;
  deploymentMode?: Enums.DeploymentMode | undefined;
};

/** Opens a four-eyes request; someone other than the requester must approve it. */
export async function requestApproval(ctx: DomainContext, input: RequestApprovalInput) {
  return ctx.db.$transaction(async (tx) => {
    const tenant = await loadTenant(tx, input.institutionId);
    if (!tenant) throw new AppError("NOT_FOUND", "Institution not found.");
    const payload = input.action === "CHANGE_MODE" ? { deploymentMode: input.deploymentMode } : null;
    assertApplicable(tenant, input.action, payload);
    const open = await tx.approvalRequest.findFirst({
      where: { institutionId: tenant.id, action: input.action, status: "PENDING" },
      select: { id: true },
    });
    if (open) throw new AppError("CONFLICT", ALREADY_WAITING);
    // The check above cannot see a twin request being made at the same moment; the partial unique
    // index (one pending request per action and institution) can.
    const request = await onUniqueViolation(
      tx.approvalRequest.create({
        data: {
          institutionId: tenant.id,
          action: input.action,
          reason: input.reason,
          requestedById: ctx.actor.userId,
          ...(payload ? { payload } : {}),
        },
        select: { id: true, action: true, status: true },
      }),
      { approval_request_pending_action_key: ALREADY_WAITING },
    );
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "approval.requested",
        institutionId: tenant.id,
        targetType: "approval_request",
        targetId: request.id,
        data: { action: input.action, reason: input.reason, ...(payload ? { payload } : {}) },
      }),
    });
    return request;
  });
}
