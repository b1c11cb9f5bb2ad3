import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { moveTenantEnvironments } from "../environments/environment-lifecycle.ts";
import { moveInstitution } from "../institutions/move-institution.ts";
import { refreshInstitutionStatus } from "../institutions/refresh-institution-status.ts";

/** Lifting a suspension restores service, so unlike suspending it needs no second approver. */
export async function resumeInstitution(ctx: DomainContext, input: { institutionId: string }) {
  return ctx.db.$transaction(async (tx) => {
    const institution = await tx.institution.findUnique({ where: { id: input.institutionId }, select: { id: true, status: true } });
    if (!institution) throw new AppError("NOT_FOUND", "Institution not found.");
    await moveInstitution(tx, institution, "resume");
    await moveTenantEnvironments(tx, ctx.log, { institutionId: institution.id, from: "SUSPENDED", to: "ACTIVE" });
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "institution.resumed",
        institutionId: institution.id,
        targetType: "institution",
        targetId: institution.id,
      }),
    });
    return { id: institution.id, status: (await refreshInstitutionStatus(tx, institution.id, ctx, ctx.clock.now())).status };
  });
}
