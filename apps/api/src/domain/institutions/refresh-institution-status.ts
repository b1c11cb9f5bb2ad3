import type { Prisma } from "@opus/db/client";
import { deriveInstitutionStatus } from "./lifecycle.ts";

/**
 * Stores the status the environments imply (see deriveInstitutionStatus). Called after anything
 * that changes an environment's status, so the tenant's status never contradicts its environments.
 * Returns the move (if any) for the caller's one audit event to carry as `statusChange`.
 */
export async function refreshInstitutionStatus(tx: Prisma.TransactionClient, institutionId: string, now: Date) {
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
  if (derived.status === institution.status) return { ...derived, statusChange: null };
  const offboarded = derived.status === "OFFBOARDED" ? { offboardedAt: now } : {};
  await tx.institution.update({ where: { id: institutionId }, data: { status: derived.status, ...offboarded } });
  return {
    ...derived,
    statusChange: { from: institution.status, to: derived.status, failedEnvironments: derived.failedEnvironments },
  };
}
