import type { Prisma } from "@opus/db/client";
import type { InstitutionRole } from "../../authz/actor.ts";
import { AppError } from "../../errors/app-error.ts";
import { onUniqueViolation } from "../../errors/database-errors.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
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
  const db = scopedDb(ctx, input.institutionId);
  const { invitation, token, legalName } = await audited(ctx, db, async (tx) => {
    const institution = await tx.institution.findUnique({ where: { id: input.institutionId }, select: { id: true, legalName: true } });
    if (!institution) throw new AppError("NOT_FOUND", "Institution not found.");
    const existing = await tx.membership.findFirst({ where: { user: { email } }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", `${email} is already a member of ${institution.legalName}.`, {
        fields: { email: "already a member" },
      });
    }
    const created = await createInvitation(tx, ctx, { institutionId: institution.id, email, role: input.role });
    return {
      result: { ...created, legalName: institution.legalName },
      audit: {
        action: "member.invited",
        institutionId: institution.id,
        targetType: "invitation",
        targetId: created.invitation.id,
        data: { email, role: input.role },
      },
    };
  });
  const { link, emailed } = await sendInvitation(ctx, { email, legalName, token, expiresAt: invitation.expiresAt });
  return { ...invitation, link, emailed };
}

/** Revokes the address's pending links and creates a new one: one usable link per address. */
export async function createInvitation(
  tx: Prisma.TransactionClient,
  ctx: Pick<DomainContext, "clock" | "actor">,
  input: { institutionId: string; email: string; role: InstitutionRole },
) {
  const now = ctx.clock.now();
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  await tx.invitation.updateMany({
    where: { institutionId: input.institutionId, email: input.email, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const invitation = await onUniqueViolation(
    tx.invitation.create({
      data: {
        institutionId: input.institutionId,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: ctx.actor.userId,
        expiresAt,
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
    {
      invitation_usable_email_key: {
        message: `An invitation to ${input.email} was sent at the same moment; it is the one that works. Resend it if needed.`,
        fields: { email: "invitation just sent" },
      },
    },
  );
  return { invitation, token };
}

/**
 * After the commit. With real delivery (SMTP) the link goes to the invited address only and is not
 * returned: whoever opens it proves they read that mailbox, and the inviter cannot accept in their
 * place. Without it (development, `.data/outbox`) the link is returned so the inviter can pass it
 * on. A failed e-mail leaves the invitation standing; inviting the address again resends it.
 */
export async function sendInvitation(
  ctx: Pick<DomainContext, "settings" | "ports" | "log">,
  input: { email: string; legalName: string; token: string; expiresAt: Date },
) {
  const link = `${ctx.settings.publicUrl}/invite/${input.token}`;
  const emailed = await ctx.ports.mailer
    .send({
      to: input.email,
      subject: `Convite: ${input.legalName} no Opus Open Finance / Invitation to ${input.legalName}`,
      text: [
        `Você foi convidado(a) para ${input.legalName} no console Opus Open Finance.`,
        `You were invited to ${input.legalName} in the Opus Open Finance console.`,
        "",
        link,
        "",
        `O link vale até / The link is valid until ${input.expiresAt.toISOString()}.`,
      ].join("\n"),
    })
    .then(
      () => true,
      (err: unknown) => {
        ctx.log.error({ err, to: input.email }, "invitation e-mail failed");
        return false;
      },
    );
  return { link: ctx.ports.mailer.transport === "smtp" ? null : link, emailed };
}
