import { can } from "./permissions";
import type { Me } from "./router-types";

export const TWO_FACTOR_PATH = "/security/two-factor";

/**
 * Where someone lands after signing in; null when they belong nowhere yet. Staff start on the
 * dashboard; the admin of an institution still in draft goes straight to its onboarding wizard.
 */
export function homePath(me: Me): string | null {
  if (me.staffRole) return me.twoFactorEnabled ? "/dashboard" : TWO_FACTOR_PATH;
  const first = me.memberships[0];
  if (!first) return null;
  const id = first.institution.id;
  return first.institution.status === "DRAFT" && can(me, "institution.update", id)
    ? `/institutions/${id}/onboarding`
    : `/institutions/${id}`;
}

/** Staff credentials open every tenant, so the API refuses them everything until TOTP is set up. */
export function needsTwoFactor(me: Me): boolean {
  return me.staffRole !== null && !me.twoFactorEnabled;
}
