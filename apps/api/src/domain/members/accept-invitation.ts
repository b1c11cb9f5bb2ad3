// Accepting an invitation makes its recipient a member. A newcomer chooses a name and password here
// (the account is created in the same transaction as the membership); someone who already has an
// account must be signed in as the invited address.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Actor } from "../../authz/actor.ts";
import { AppError } from "../../errors/app-error.ts";
import { onUniqueViolation } from "../../errors/database-errors.ts";
import { audited } from "../audit/audited.ts";
import type { PublicDomainContext } from "../domain-context.ts";
import { lockInstitution } from "../institutions/move-institution.ts";
import { hashInvitationToken } from "./invitation-token.ts";
import { assertKeepsAnAdmin } from "./last-admin-guard.ts";

type PublicContext = PublicDomainContext;

async function findUsableInvitation(ctx: PublicContext, token: string) {
  const invitation = await ctx.db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      institution: { select: { id: true, legalName: true } },
    },
  });
  if (!invitation || invitation.revokedAt) throw new AppError("NOT_FOUND", "This invitation link is not valid. Ask for a new one.");
  if (invitation.acceptedAt) throw new AppError("PRECONDITION_FAILED", "This invitation was already accepted. Sign in instead.");
  if (invitation.expiresAt <= ctx.clock.now()) {
    throw new AppError("PRECONDITION_FAILED", "This invitation has expired. Ask an administrator to send a new one.");
  }
  return invitation;
}

export async function getInvitation(ctx: PublicContext, input: { token: string }) {
  const invitation = await findUsableInvitation(ctx, input.token);
  const account = await ctx.db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    email: invitation.email,
    role: invitation.role,
    institutionName: invitation.institution.legalName,
    hasAccount: Boolean(account),
  };
}

export type AcceptInvitationInput = { token: string; name?: string | undefined; password?: string | undefined };

export async function acceptInvitation(ctx: PublicContext, input: AcceptInvitationInput) {
  const invitation = await findUsableInvitation(ctx, input.token);
  const existing = await ctx.db.user.findUnique({ where: { email: invitation.email }, select: { id: true, email: true } });
  const actor: Actor | null = ctx.actor;
  if (existing && actor?.userId !== existing.id) {
    // A concurrent accept may have created this account a moment ago: say the link was used, as it was.
    const now = await ctx.db.invitation.findUnique({ where: { id: invitation.id }, select: { acceptedAt: true } });
    if (now?.acceptedAt) throw new AppError("CONFLICT", "This invitation was just used. Sign in instead.");
    throw new AppError("UNAUTHENTICATED", `Sign in as ${invitation.email} to accept this invitation.`);
  }
  if (!existing && (!input.name || !input.password)) {
    throw new AppError("BAD_INPUT", "Choose your name and a password to create your account.", {
      fields: { ...(input.name ? {} : { name: "required" }), ...(input.password ? {} : { password: "required" }) },
    });
  }
  const passwordHash = existing ? null : await hashPassword(input.password ?? "");

  return audited(ctx, ctx.db, async (tx) => {
    // Claim the invitation first: a concurrent second accept finds acceptedAt set and fails.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: ctx.clock.now() },
    });
    if (claimed.count !== 1) throw new AppError("CONFLICT", "This invitation was just used. Sign in instead.");
    let userId = existing?.id;
    if (!userId) {
      userId = randomUUID();
      // Two invitations (from two institutions) accepted at the same moment by a newcomer both find
      // no account; the unique e-mail lets one create it. The other rolls back, its link still usable.
      await onUniqueViolation(
        tx.user.create({
          data: {
            id: userId,
            email: invitation.email,
            name: input.name ?? invitation.email,
            emailVerified: true, // they proved control of the address by opening the emailed link
            accounts: { create: { id: randomUUID(), accountId: userId, providerId: "credential", password: passwordHash } },
          },
        }),
        {
          user_email_key: `An account for ${invitation.email} was created a moment ago by another invitation. Sign in as ${invitation.email} and open this link again.`,
        },
      );
    }
    // An existing admin invited as a viewer would step down by accepting: the same last-admin rule
    // as a role change, under the same institution lock.
    if (invitation.role !== "ADMIN") {
      await lockInstitution(tx, invitation.institution.id);
      const current = await tx.membership.findUnique({
        where: { userId_institutionId: { userId, institutionId: invitation.institution.id } },
        select: { id: true, role: true },
      });
      if (current?.role === "ADMIN") await assertKeepsAnAdmin(tx, invitation.institution.id, current.id);
    }
    const membership = await tx.membership.upsert({
      where: { userId_institutionId: { userId, institutionId: invitation.institution.id } },
      create: { userId, institutionId: invitation.institution.id, role: invitation.role },
      update: { role: invitation.role },
      select: { id: true, role: true },
    });
    return {
      result: { email: invitation.email, institutionId: invitation.institution.id, role: membership.role },
      audit: {
        action: "member.joined",
        actor: { userId, email: invitation.email },
        institutionId: invitation.institution.id,
        targetType: "membership",
        targetId: membership.id,
        data: { email: invitation.email, role: membership.role, newAccount: !existing },
      },
    };
  });
}
