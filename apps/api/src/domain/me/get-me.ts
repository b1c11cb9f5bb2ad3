import { isAllowed, PERMISSIONS, type Permission } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";

/** Who am I, and where can I go: drives the console's navigation. */
export async function getMe(ctx: DomainContext) {
  const user = await ctx.db.user.findUnique({
    where: { id: ctx.actor.userId },
    select: {
      id: true,
      name: true,
      email: true,
      staffRole: true,
      twoFactorEnabled: true,
      locale: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { role: true, institution: { select: { id: true, legalName: true, slug: true, status: true } } },
      },
    },
  });
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  // What this person may do, from the one permissions table, so the console never keeps a copy
  // of the rules to decide which controls to show. Staff permissions hold for every institution.
  const all = Object.keys(PERMISSIONS) as Permission[];
  return {
    ...user,
    staffPermissions: user.staffRole ? all.filter((p) => isAllowed(ctx.actor, p)) : [],
    memberships: user.memberships.map((m) => ({ ...m, permissions: all.filter((p) => isAllowed(ctx.actor, p, m.institution.id)) })),
  };
}
