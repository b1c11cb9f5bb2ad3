import type { InstitutionRole } from "../../authz/actor.ts";
import { AppError } from "../../errors/app-error.ts";
import { onUniqueViolation } from "../../errors/database-errors.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { INVITATION_TTL_DAYS, newInvitationToken } from "./invitation-token.ts";

export type InviteMemberInput = { institutionId: string; email: string; role: InstitutionRole };

/**
 * Creates an invitation and returns its link. Inviting the same address again replaces the
 * pending invitation (a resend), so only the newest link works. A partial unique index keeps one
 * usable link per address even when invitations are sent at the same moment: the later ones are a
 * CONFLICT (nothing is e-mailed for them), never a second live link.
 */
export async function inviteMember(ctx: DomainContext, input: InviteMemberInput) {
  const email = input.email.trim().toLowerCase();
  const institution = await ctx.db.institution.findUnique({ where: { id: input.institutionId }, select: { id: true, legalName: true } });
  if (!institution) throw new AppError("NOT_FOUND", "Institution not found.");
  const existing = await ctx.db.membership.findFirst({ where: { institutionId: institution.id, user: { email } }, select: { id: true } });
  if (existing)
    throw new AppError("CONFLICT", `${email} is already a member of ${institution.legalName}.`, { fields: { email: "already a member" } });

  const now = ctx.clock.now();
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  const invitation = await ctx.db.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { institutionId: institution.id, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await onUniqueViolation(
      tx.invitation.create({
        data: { institutionId: institution.id, email, role: input.role, tokenHash, invitedById: ctx.actor.userId, expiresAt },
        select: { id: true, email: true, role: true, expiresAt: true },
      }),
      {
        invitation_usable_email_key: {
          message: `An invitation to ${email} was sent at the same moment; it is the one that works. Resend it if needed.`,
          fields: { email: "invitation just sent" },
        },
      },
    );
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "member.invited",
        institutionId: institution.id,
        targetType: "invitation",
        targetId: created.id,
        data: { email, role: input.role },
      }),
    });
    return created;
  });
  const link = `${ctx.settings.publicUrl}/invite/${token}`;
  const emailed = await ctx.ports.mailer
    .send({
      to: email,
      subject: `Convite: ${institution.legalName} no Opus Open Finance / Invitation to ${institution.legalName}`,
      text: [
        `Você foi convidado(a) para ${institution.legalName} no console Opus Open Finance.`,
        `You were invited to ${institution.legalName} in the Opus Open Finance console.`,
        "",
        link,
        "",
        `O link vale até / The link is valid until ${expiresAt.toISOString()}.`,
      ].join("\n"),
    })
    .then(
      () => true,
      (err: unknown) => {
        // The invitation stands: the inviter still gets the link to share.
        ctx.log.error({ err, to: email }, "invitation e-mail failed");
        return false;
      },
    );
  return { ...invitation, link, emailed };
}
