import type { Prisma } from "@opus/db/client";
import type { InstitutionRole } from "../../authz/actor.ts";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { lockInstitution } from "../institutions/move-institution.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { assertKeepsAnAdmin } from "./last-admin-guard.ts";

/**
 * Reads a membership inside a transaction that holds the institution's lock, so the role read here
 * and the admin count of the last-admin guard stay true until the change commits: two admins
 * demoting each other at once cannot leave the institution without one. `tx` is the institution's
 * scoped client: another tenant's membership id is simply not found.
 */
async function findMembership(tx: Prisma.TransactionClient, institutionId: string, membershipId: string) {
  await lockInstitution(tx, institutionId);
  const membership = await tx.membership.findUnique({
    where: { id: membershipId },
    select: { id: true, role: true, user: { select: { email: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "Member not found.");
  return membership;
}

export async function changeMemberRole(ctx: DomainContext, input: { institutionId: string; membershipId: string; role: InstitutionRole }) {
  return audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    const membership = await findMembership(tx, input.institutionId, input.membershipId);
    if (membership.role === input.role) return { result: { id: membership.id, role: membership.role }, audit: null };
    if (membership.role === "ADMIN") await assertKeepsAnAdmin(tx, input.institutionId, membership.id);
    const updated = await tx.membership.update({
      where: { id: membership.id },
      data: { role: input.role },
      select: { id: true, role: true },
    });
    return {
      result: updated,
      audit: {
        action: "member.role_changed",
        institutionId: input.institutionId,
        targetType: "membership",
        targetId: membership.id,
        data: { email: membership.user.email, from: membership.role, to: input.role },
      },
    };
  });
}

export async function removeMember(ctx: DomainContext, input: { institutionId: string; membershipId: string }) {
  return audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    const membership = await findMembership(tx, input.institutionId, input.membershipId);
    if (membership.role === "ADMIN") await assertKeepsAnAdmin(tx, input.institutionId, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    return {
      result: { id: membership.id },
      audit: {
        action: "member.removed",
        institutionId: input.institutionId,
        targetType: "membership",
        targetId: membership.id,
        data: { email: membership.user.email, role: membership.role },
      },
    };
  });
}

export async function revokeInvitation(ctx: DomainContext, input: { institutionId: string; invitationId: string }) {
  return audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    // Scoped: another tenant's invitation id is not found.
    const invitation = await tx.invitation.findUnique({
      where: { id: input.invitationId },
      select: { id: true, email: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "Invitation not found.");
    if (invitation.acceptedAt || invitation.revokedAt) {
      throw new AppError("CONFLICT", `This invitation was already ${invitation.acceptedAt ? "accepted" : "revoked"}. Reload the list.`);
    }
    // Compare-and-set: a link accepted or revoked meanwhile is not revoked (or audited) twice.
    const revoked = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: ctx.clock.now() },
    });
    if (revoked.count !== 1) throw new AppError("CONFLICT", "This invitation was already accepted or revoked. Reload the list.");
    return {
      result: { id: invitation.id },
      audit: {
        action: "member.invitation_revoked",
        institutionId: input.institutionId,
        targetType: "invitation",
        targetId: invitation.id,
        data: { email: invitation.email },
      },
    };
  });
}
