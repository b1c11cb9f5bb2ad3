import type { Prisma } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";

/**
 * An institution must keep at least one admin, or nobody on the customer side could manage it.
 * A count is only a guard while nobody else can change it: callers hold the institution's lock
 * (`lockInstitution`) from before they read the leaving member's role until they commit.
 */
export async function assertKeepsAnAdmin(tx: Prisma.TransactionClient, institutionId: string, leavingMembershipId: string) {
  const otherAdmins = await tx.membership.count({
    where: { institutionId, role: "ADMIN", id: { not: leavingMembershipId } },
  });
  if (otherAdmins === 0) {
    throw new AppError("PRECONDITION_FAILED", "An institution needs at least one admin. Make someone else admin first.");
  }
}
