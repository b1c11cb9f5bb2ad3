import type { Prisma } from "@opus/db/client";
import type { InstitutionRole } from "../../authz/actor.ts";
import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { lockInstitution } from "../institutions/move-institution.ts";
import { assertKeepsAnAdmin } from "./last-admin-guard.ts";

/**
 * Reads a membership inside a transaction that holds the institution's lock, so the role read here
 * and the admin count of the last-admin guard stay true until the change commits: two admins
 * demoting each other at once cannot leave the institution without one.
 */
async function findMembership(tx: Prisma.TransactionClient, institutionId: string, membershipId: string) {
  await lockInstitution(tx, institutionId);
  // Scoped by institution: an id from another tenant is simply not found.
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, institutionId },
    select: { id: true, role: true, user: { select: { email: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "Member not found.");
  return membership;
}

export async function changeMemberRole(ctx: DomainContext, input: { institutionId: string; membershipId: string; role: InstitutionRole }) {
  return ctx.db.$transaction(async (tx) => {
    const membership = await findMembership(tx, input.institutionId, input.membershipId);
    if (membership.role === input.role) return { id: membership.id, role: membership.role };
    if (membership.role === "ADMIN") await assertKeepsAnAdmin(tx, input.institutionId, membership.id);
    const updated = await tx.membership.update({
      where: { id: membership.id },
      data: { role: input.role },
      select: { id: true, role: true },
    });
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "member.role_changed",
        institutionId: input.institutionId,
        targetType: "membership",
        targetId: membership.id,
        data: { email: membership.user.email, from: membership.role, to: input.role },
      }),
    });
    return updated;
  });
}

export async function removeMember(ctx: DomainContext, input: { institutionId: string; membershipId: string }) {
  return ctx.db.$transaction(async (tx) => {
    const membership = await findMembership(tx, input.institutionId, input.membershipId);
    if (membership.role === "ADMIN") await assertKeepsAnAdmin(tx, input.institutionId, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "member.removed",
        institutionId: input.institutionId,
        targetType: "membership",
        targetId: membership.id,
        data: { email: membership.user.email, role: membership.role },
      }),
    });
    return { id: membership.id };
  });
}

export async function revokeInvitation(ctx: DomainContext, input: { institutionId: string; invitationId: string }) {
  const invitation = await ctx.db.invitation.findFirst({
    where: { id: input.invitationId, institutionId: input.institutionId },
    select: { id: true, email: true, acceptedAt: true, revokedAt: true },
  });
  if (!invitation) throw new AppError("NOT_FOUND", "Invitation not found.");
  if (invitation.acceptedAt || invitation.revokedAt) {
    throw new AppError("CONFLICT", `This invitation was already ${invitation.acceptedAt ? "accepted" : "revoked"}. Reload the list.`);
  }
  return ctx.db.$transaction(async (tx) => {
    // Compare-and-set: a link accepted or revoked meanwhile is not revoked (or audited) twice.
    const revoked = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: ctx.clock.now() },
    });
    if (revoked.count !== 1) throw new AppError("CONFLICT", "This invitation was accepted or revoked at the same moment. Reload the list.");
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "member.invitation_revoked",
        institutionId: input.institutionId,
        targetType: "invitation",
        targetId: invitation.id,
        data: { email: invitation.email },
      }),
    });
    return { id: invitation.id };
  });
}
