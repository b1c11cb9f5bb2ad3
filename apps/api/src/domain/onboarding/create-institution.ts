// Opus invites an institution: a draft is created and its first admin receives an invitation link;
// the admin fills in the rest through the wizard. Draft and invitation commit together, as one
// audited action.
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { newSlug } from "../institutions/new-slug.ts";
import { createInvitation, sendInvitation } from "../members/invite-member.ts";

export async function createInstitution(ctx: DomainContext, input: { legalName: string; adminEmail: string }) {
  const email = input.adminEmail.trim().toLowerCase();
  const { institution, invitation, token } = await audited(ctx, ctx.db, async (tx) => {
    const created = await tx.institution.create({
      data: { legalName: input.legalName, slug: await newSlug(tx, input.legalName) },
      select: { id: true, slug: true, legalName: true, status: true },
    });
    const invited = await createInvitation(tx, ctx, { institutionId: created.id, email, role: "ADMIN" });
    return {
      result: { institution: created, ...invited },
      audit: {
        action: "institution.created",
        institutionId: created.id,
        targetType: "institution",
        targetId: created.id,
        data: { legalName: input.legalName, adminEmail: email, invitationId: invited.invitation.id },
      },
    };
  });
  const { link } = await sendInvitation(ctx, { email, legalName: institution.legalName, token, expiresAt: invitation.expiresAt });
  return { ...institution, invitationLink: link };
}
