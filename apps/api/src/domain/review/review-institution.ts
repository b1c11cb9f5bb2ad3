// An Opus operator decides a submitted onboarding request. Approval fixes each environment's target
// and hands SaaS and managed environments to the provisioner; self-managed tenants run it themselves.
import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { enqueueOperation } from "../environments/enqueue-operation.ts";
import { moveInstitution } from "../institutions/move-institution.ts";
import { refreshInstitutionStatus } from "../institutions/refresh-institution-status.ts";

export type ReviewInput = { institutionId: string; decision: "approve" | "reject"; reason?: string | undefined };

export async function reviewInstitution(ctx: DomainContext, input: ReviewInput) {
  if (input.decision === "reject" && !input.reason?.trim()) {
    throw new AppError("BAD_INPUT", "Say why the request is rejected: the institution sees this reason.", {
      fields: { reason: "required" },
    });
  }
  return ctx.db.$transaction(async (tx) => {
    const institution = await tx.institution.findUnique({
      where: { id: input.institutionId },
      select: { id: true, status: true, deploymentMode: true, region: true, managedAccount: { select: { clusterName: true } } },
    });
    if (!institution) throw new AppError("NOT_FOUND", "Institution not found.");
    const now = ctx.clock.now();
    if (input.decision === "reject") {
      await moveInstitution(tx, institution, "reject", { rejectionReason: input.reason ?? null });
    } else {
      await moveInstitution(tx, institution, "approve", { approvedAt: now, rejectionReason: null });
      const cluster =
        institution.deploymentMode === "SAAS"
          ? `saas-${institution.region}`
          : institution.deploymentMode === "MANAGED"
            ? institution.managedAccount?.clusterName
            : null;
      await tx.environment.updateMany({ where: { institutionId: institution.id }, data: { cluster: cluster ?? null } });
      if (institution.deploymentMode !== "SELF_MANAGED") {
        const pending = await tx.environment.findMany({
          where: { institutionId: institution.id, status: "PENDING" },
          select: { id: true },
        });
        for (const environment of pending) {
          await enqueueOperation(
            tx,
            { source: ctx, now },
            { environmentId: environment.id, kind: "UP", idempotencyKey: `approve:${environment.id}`, requestedById: ctx.actor.userId },
          );
        }
      }
    }
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: input.decision === "approve" ? "institution.approved" : "institution.rejected",
        institutionId: institution.id,
        targetType: "institution",
        targetId: institution.id,
        data: input.reason ? { reason: input.reason } : {},
      }),
    });
    const derived = await refreshInstitutionStatus(tx, institution.id, ctx, ctx.clock.now());
    return { id: institution.id, status: derived.status };
  });
}
