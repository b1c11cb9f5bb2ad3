import type { InstitutionRole } from "../../authz/actor.ts";
import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { assertKeepsAnAdmin } from "./last-admin-guard.ts";

async function findMembership(ctx: DomainContext, institutionId: string, membershipId: string) {
  // Scoped by institution: an id from another tenant is simply not found.
  const membership = await ctx.db.membership.findFirst({
    where: { id: membershipId, institutionId },
    select: { id: true, role: true, user: { select: { email: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "Member not found.");
  return membership;
}

export async function changeMemberRole(ctx: DomainContext, input: { institutionId: string; membershipId: string; role: InstitutionRole }) {
  const membership = await findMembership(ctx, input.institutionId, input.membershipId);
  if (membership.role === input.role) return { id: membership.id, role: membership.role };
  return ctx.db.$transaction(async (tx) => {
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
  const membership = await findMembership(ctx, input.institutionId, input.membershipId);
  await ctx.db.$transaction(async (tx) => {
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
  });
  return { id: membership.id };
}

export async function revokeInvitation(ctx: DomainContext, input: { institutionId: string; invitationId: string }) {
  const invitation = await ctx.db.invitation.findFirst({
    where: { id: input.invitationId, institutionId: input.institutionId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true },
  });
  if (!invitation) throw new AppError("NOT_FOUND", "Pending invitation not found.");
  await ctx.db.$transaction([
    ctx.db.invitation.update({ where: { id: invitation.id }, data: { revokedAt: ctx.clock.now() } }),
    ctx.db.auditEvent.create({
      data: auditEntry(ctx, {
        action: "member.invitation_revoked",
        institutionId: input.institutionId,
        targetType: "invitation",
        targetId: invitation.id,
        data: { email: invitation.email },
      }),
    }),
  ]);
  return { id: invitation.id };
}
