import { isAllowed, PERMISSIONS, type Permission } from "../../authz/permissions.ts";
import type { DomainContext } from "../domain-context.ts";

/**
 * Who am I, and where can I go: drives the console's navigation. The person comes from the actor
 * the request already loaded; only the institutions behind customer memberships are read here.
 */
export async function getMe(ctx: DomainContext) {
  const { actor } = ctx;
  const institutionIds = [...actor.memberships.keys()];
  const institutions = institutionIds.length
    ? await ctx.db.institution.findMany({
        where: { id: { in: institutionIds } },
        select: { id: true, legalName: true, slug: true, status: true },
      })
    : [];
  const byId = new Map(institutions.map((i) => [i.id, i]));
  // What this person may do, from the one permissions table, so the console never keeps a copy
  // of the rules to decide which controls to show. Staff permissions hold for every institution.
  const all = Object.keys(PERMISSIONS) as Permission[];
  return {
    id: actor.userId,
    name: actor.name,
    email: actor.email,
    staffRole: actor.staffRole,
    twoFactorEnabled: actor.twoFactorEnabled,
    locale: actor.locale,
    staffPermissions: actor.staffRole ? all.filter((p) => isAllowed(actor, p)) : [],
    // In the order the person joined (the actor keeps it), each with what they may do there.
    memberships: [...actor.memberships].flatMap(([institutionId, role]) => {
      const institution = byId.get(institutionId);
      return institution ? [{ role, institution, permissions: all.filter((p) => isAllowed(actor, p, institutionId)) }] : [];
    }),
  };
}
