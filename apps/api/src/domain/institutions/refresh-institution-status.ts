import type { Prisma } from "@opus/db/client";
import { deriveInstitutionStatus } from "@opus/rules/institution-lifecycle";
import { AppError } from "../../errors/app-error.ts";
import { type AuditSource, auditEntry } from "../audit/audit-entry.ts";
import { INSTITUTION_CHANGED_MESSAGE } from "./move-institution.ts";

/**
 * Stores the status the environments imply (see deriveInstitutionStatus). Called after anything
 * that changes an environment's status, so the tenant's status never contradicts its environments.
 * The write is a compare-and-set on the status it derived from; if a concurrent decision moved the
 * status first, it derives again from what that decision left (a few times at most).
 */
export async function refreshInstitutionStatus(tx: Prisma.TransactionClient, institutionId: string, source: AuditSource, now: Date) {
  for (let attempt = 0; attempt < 3; attempt++) {
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
    if (derived.status === institution.status) return derived;
    const offboarded = derived.status === "OFFBOARDED" ? { offboardedAt: now } : {};
    const { count } = await tx.institution.updateMany({
      where: { id: institutionId, status: institution.status },
      data: { status: derived.status, ...offboarded },
    });
    if (count !== 1) continue;
    await tx.auditEvent.create({
      data: auditEntry(source, {
        action: "institution.status_changed",
        institutionId,
        targetType: "institution",
        targetId: institutionId,
        data: { from: institution.status, to: derived.status, failedEnvironments: derived.failedEnvironments },
      }),
    });
    return derived;
  }
  throw new AppError("CONFLICT", INSTITUTION_CHANGED_MESSAGE);
}
