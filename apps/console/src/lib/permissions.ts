// What the console offers to whom. The API computes each person's permissions from its one rules
// table and returns them with `me.get`; the console only reads them (the API stays the authority).
import type { Me } from "./router-types";

export type Permission = Me["staffPermissions"][number];

export function can(me: Me, permission: Permission, institutionId?: string): boolean {
  // Staff permissions hold for every institution (empty until TOTP is enrolled).
  if (me.staffRole) return me.staffPermissions.includes(permission);
  return me.memberships.find((m) => m.institution.id === institutionId)?.permissions.includes(permission) ?? false;
}
