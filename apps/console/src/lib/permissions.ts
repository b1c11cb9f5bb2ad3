// What the console offers to whom. It mirrors apps/api/src/authz/permissions.ts for the permissions
// the screens use, so people are not shown controls the API would refuse; the API stays the authority.
import type { InstitutionRole, Me, StaffRole } from "./router-types";

export type Permission = "fleet.read" | "institution.read" | "members.read" | "members.manage" | "audit.read" | "audit.read-all";

type Rule = { staff: readonly StaffRole[]; member: readonly InstitutionRole[] };

const RULES: Record<Permission, Rule> = {
  "fleet.read": { staff: ["ADMIN", "OPERATOR", "BILLING"], member: [] },
  "institution.read": { staff: ["ADMIN", "OPERATOR", "BILLING"], member: ["ADMIN", "VIEWER"] },
  "members.read": { staff: ["ADMIN", "OPERATOR"], member: ["ADMIN", "VIEWER"] },
  "members.manage": { staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
  "audit.read": { staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
  "audit.read-all": { staff: ["ADMIN"], member: [] },
};

export function can(me: Me, permission: Permission, institutionId?: string): boolean {
  const rule = RULES[permission];
  if (me.staffRole) return me.twoFactorEnabled && rule.staff.includes(me.staffRole);
  const role = me.memberships.find((m) => m.institution.id === institutionId)?.role;
  return role !== undefined && rule.member.includes(role);
}
