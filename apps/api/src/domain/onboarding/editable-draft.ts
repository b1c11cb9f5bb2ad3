import type { Prisma } from "@opus/db/client";
import { canEditOnboarding } from "@opus/rules/onboarding";
import { AppError } from "../../errors/app-error.ts";
import { transition } from "../institutions/lifecycle.ts";

/**
 * Loads an institution whose onboarding answers may change: a draft, or a rejected request, which
 * editing reopens as a draft (the rejection reason stays visible until it is submitted again).
 */
export async function loadEditableDraft(tx: Prisma.TransactionClient, institutionId: string) {
  const institution = await tx.institution.findUnique({
    where: { id: institutionId },
    select: { id: true, slug: true, status: true, wizardStep: true, deploymentMode: true, managedAccount: { select: { id: true } } },
  });
  if (!institution) throw new AppError("NOT_FOUND", "Institution not found.");
  if (!canEditOnboarding(institution.status)) {
    throw new AppError("INVALID_TRANSITION", "This institution was already submitted; its onboarding answers can no longer be edited.");
  }
  if (institution.status === "DRAFT") return institution;
  const status = transition(institution.status, "reopen");
  await tx.institution.update({ where: { id: institutionId }, data: { status } });
  return { ...institution, status };
}
