import type { Prisma } from "@opus/db/client";
import { canEditOnboarding } from "@opus/rules/onboarding";
import { AppError } from "../../errors/app-error.ts";
import { lockInstitution, moveInstitution } from "../institutions/move-institution.ts";

/**
 * Loads an institution whose onboarding answers may change: a draft, or a rejected request, which
 * editing reopens as a draft (the rejection reason stays visible until it is submitted again).
 * The row stays locked until the caller's transaction ends, so an edit never lands on a request
 * that was submitted while it was being saved. `reopened` tells the caller to say so in its audit
 * event: the status change is part of the edit, one line in the trail.
 */
export async function loadEditableDraft(tx: Prisma.TransactionClient, institutionId: string) {
  if (!(await lockInstitution(tx, institutionId))) throw new AppError("NOT_FOUND", "Institution not found.");
  const institution = await tx.institution.findUniqueOrThrow({
    where: { id: institutionId },
    select: { id: true, slug: true, status: true, wizardStep: true, deploymentMode: true, managedAccount: { select: { id: true } } },
  });
  if (!canEditOnboarding(institution.status)) {
    throw new AppError("INVALID_TRANSITION", "This institution was already submitted; its onboarding answers can no longer be edited.");
  }
  if (institution.status === "DRAFT") return { ...institution, reopened: false };
  return { ...institution, status: await moveInstitution(tx, institution, "reopen"), reopened: true };
}
