// Every authorization rule of the control plane, in one table. Procedures name a permission;
// `authorize` decides. Staff act on any institution (after TOTP enrolment); customers act only on
// institutions they are members of, with the member roles listed.
import { INSTITUTION_ROLES, STAFF_ROLES } from "@opus/rules/enums";
import { AppError } from "../errors/app-error.ts";
import type { Actor, InstitutionRole, StaffRole } from "./actor.ts";

type Rule = { staff: readonly StaffRole[]; member: readonly InstitutionRole[] };

const ALL_STAFF = STAFF_ROLES;
const ANY_MEMBER = INSTITUTION_ROLES;

export const PERMISSIONS = {
  /** Fleet-wide views (institution list, dashboard). Never granted to members. */
  "fleet.read": { staff: ALL_STAFF, member: [] },
  "institution.create": { staff: ["ADMIN", "OPERATOR"], member: [] },
  "institution.read": { staff: ALL_STAFF, member: ANY_MEMBER },
  "institution.update": { staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
  "members.read": { staff: ["ADMIN", "OPERATOR"], member: ANY_MEMBER },
  "members.manage": { staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
  "audit.read": { staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
  "environments.read": { staff: ALL_STAFF, member: ANY_MEMBER },
  /** Preview, deploy, drift check, destroy, cancel: changes to a tenant's infrastructure. */
  "environments.operate": { staff: ["ADMIN", "OPERATOR"], member: [] },
  /** Decide onboarding requests and self sign-ups. */
  "institution.review": { staff: ["ADMIN", "OPERATOR"], member: [] },
  /** Four-eyes requests and decisions (suspend, offboard, change mode, delete), resume. */
  "institution.govern": { staff: ["ADMIN", "OPERATOR"], member: [] },
  "institution.export": { staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
  /** Retention and confirmed destruction of a tenant's data. */
  "institution.destroy": { staff: ["ADMIN"], member: [] },
  "certificates.read": { staff: ALL_STAFF, member: ANY_MEMBER },
  "certificates.manage": { staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
  /** Self-managed install bundles carry a fresh usage-reporting key. */
  "install-bundle.issue": { staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
  "plans.manage": { staff: ["ADMIN"], member: [] },
  /** Machine API keys (usage reporting): institution admins and Opus staff create and revoke them. */
  "api-keys.read": { staff: ALL_STAFF, member: ["ADMIN"] },
  "api-keys.manage": { staff: ALL_STAFF, member: ["ADMIN"] },
  /** An institution's metered usage (charts, month to date). */
  "usage.read": { staff: ALL_STAFF, member: ANY_MEMBER },
  /** Void or amend a usage event before its month is finalized. */
  "usage.correct": { staff: ["ADMIN", "BILLING"], member: [] },
  /** Add and retire meters. */
  "meters.manage": { staff: ["ADMIN"], member: [] },
  /** An institution's own usage reports and their exports. */
  "reports.read": { staff: ["ADMIN", "BILLING"], member: ["ADMIN"] },
  /** Every institution's reports, fleet exports, month-to-date fleet view. */
  "billing.read": { staff: ["ADMIN", "BILLING"], member: [] },
  /** Finalize reports, request and decide adjustments (four eyes), set plan prices. */
  "billing.manage": { staff: ["ADMIN", "BILLING"], member: [] },
  /** The release registry and rollouts (plans, approvals, fleet freeze, emergency halt). */
  "releases.read": { staff: ALL_STAFF, member: [] },
  "releases.manage": { staff: ["ADMIN"], member: [] },
  /** An environment's update policy, maintenance windows and freezes. */
  "environments.schedule": { staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
  /** An environment's health against Open Finance's thresholds (its reported metrics). */
  "health.read": { staff: ALL_STAFF, member: ANY_MEMBER },
  /** An institution's go-live roadmap: read by Opus and every member; stages moved by Opus. */
  "go-live.read": { staff: ALL_STAFF, member: ANY_MEMBER },
  "go-live.manage": { staff: ["ADMIN", "OPERATOR"], member: [] },
  /** Evidence of a stage: Opus and the customer's admins attach it. */
  "go-live.evidence": { staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
  /** Fleet-wide audit trail, including staff actions on no institution. */
  "audit.read-all": { staff: ["ADMIN"], member: [] },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

/** Institution-scoped permissions need the institution id; fleet ones must not get one. */
export function authorize(actor: Actor | null, permission: Permission, institutionId?: string): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const rule: Rule = PERMISSIONS[permission];
  if (actor.staffRole) {
    if (!rule.staff.includes(actor.staffRole)) throw forbidden();
    // Staff credentials open every tenant: no privileged call without a second factor.
    if (!actor.twoFactorEnabled) {
      throw new AppError("TOTP_REQUIRED", "Opus staff must set up two-factor authentication (TOTP) before continuing.");
    }
    return actor;
  }
  const role = institutionId ? actor.memberships.get(institutionId) : undefined;
  if (!role || !rule.member.includes(role)) throw forbidden();
  return actor;
}

export function isAllowed(actor: Actor | null, permission: Permission, institutionId?: string): boolean {
  try {
    authorize(actor, permission, institutionId);
    return true;
  } catch {
    return false;
  }
}

function forbidden() {
  return new AppError("FORBIDDEN", "You do not have permission to do this.");
}
