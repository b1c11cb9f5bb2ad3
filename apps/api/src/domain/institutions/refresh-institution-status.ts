import type { Prisma } from "@opus/db/client";
import { deriveInstitutionStatus } from "@opus/rules/institution-lifecycle";
import { type AuditSource, auditEntry } from "../audit/audit-entry.ts";

/**
 * Stores the status the environments imply (see deriveInstitutionStatus). Called after anything
 * that changes an environment's status, so the tenant's status never contradicts its environments.
 */
export async function refreshInstitutionStatus(tx: Prisma.TransactionClient, institutionId: string, source: AuditSource, now: Date) {
  const institution = await tx.institution.findUniqueOrThrow({
    where: { id: institutionId },
    select: { status: true, deploymentMode: true, destroyedAt: true, environments: { select: { status: true } } },
  });
  const derived = deriveInstitutionStatus(
    institution.status,
    institution.environments,
    institution.deploymentMode,
    institution.destroyedAt !== null,
  );
  if (derived.status !== institution.status) {
    const offboarded = derived.status === "OFFBOARDED" ? { offboardedAt: now } : {};
    await tx.institution.update({ where: { id: institutionId }, data: { status: derived.status, ...offboarded } });
    await tx.auditEvent.create({
      data: auditEntry(source, {
        action: "institution.status_changed",
        institutionId,
        targetType: "institution",
        targetId: institutionId,
        data: { from: institution.status, to: derived.status, failedEnvironments: derived.failedEnvironments },
      }),
    });
  }
  return derived;
}
