// Opus invites an institution: a draft is created and its first admin receives an invitation link;
// the admin fills in the rest through the wizard.
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { newSlug } from "../institutions/new-slug.ts";
import { inviteMember } from "../members/invite-member.ts";

export async function createInstitution(ctx: DomainContext, input: { legalName: string; adminEmail: string }) {
  const institution = await ctx.db.$transaction(async (tx) => {
    const created = await tx.institution.create({
      data: { legalName: input.legalName, slug: await newSlug(tx, input.legalName) },
      select: { id: true, slug: true, legalName: true, status: true },
    });
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "institution.created",
        institutionId: created.id,
        targetType: "institution",
        targetId: created.id,
        data: { legalName: input.legalName },
      }),
    });
    return created;
  });
  const invitation = await inviteMember(ctx, { institutionId: institution.id, email: input.adminEmail, role: "ADMIN" });
  return { ...institution, invitationLink: invitation.link };
}
