import type { Prisma } from "@opus/db/client";
import type { InstitutionRole } from "../../authz/actor.ts";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { assertKeepsAnAdmin } from "./last-admin-guard.ts";

async function findMembership(db: Prisma.TransactionClient, membershipId: string) {
  // The scoped client keeps this inside the institution: another tenant's id is simply not found.
  const membership = await db.membership.findUnique({
    where: { id: membershipId },
    select: { id: true, role: true, user: { select: { email: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "Member not found.");
  return membership;
}

export async function changeMemberRole(ctx: DomainContext, input: { institutionId: string; membershipId: string; role: InstitutionRole }) {
  const db = scopedDb(ctx, input.institutionId);
  return audited(ctx, db, async (tx) => {
    const membership = await findMembership(tx, input.membershipId);
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
  const db = scopedDb(ctx, input.institutionId);
  return audited(ctx, db, async (tx) => {
    const membership = await findMembership(tx, input.membershipId);
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
  const db = scopedDb(ctx, input.institutionId);
  return audited(ctx, db, async (tx) => {
    const now = ctx.clock.now();
    // Compare-and-set on "still pending", inside the scope: another tenant's invitation is not found.
    const revoked = await tx.invitation.updateManyAndReturn({
      where: { id: input.invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
      select: { id: true, email: true },
    });
    const invitation = revoked[0];
    if (!invitation) throw new AppError("NOT_FOUND", "Pending invitation not found.");
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
