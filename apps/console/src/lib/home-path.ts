import type { Me } from "./router-types";

export const TWO_FACTOR_PATH = "/security/two-factor";

/** Where someone lands after signing in; null when they belong nowhere yet. */
export function homePath(me: Me): string | null {
  if (me.staffRole) return me.twoFactorEnabled ? "/institutions" : TWO_FACTOR_PATH;
  const first = me.memberships[0];
  return first ? `/institutions/${first.institution.id}` : null;
}

/** Staff credentials open every tenant, so the API refuses them everything until TOTP is set up. */
export function needsTwoFactor(me: Me): boolean {
  return me.staffRole !== null && !me.twoFactorEnabled;
}
