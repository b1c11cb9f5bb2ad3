// Every action the audit trail records, shared by the API (which may write only these) and the
// console (which describes each in both languages; a test fails when one lacks a description).

export const AUDIT_ACTIONS = [
  "system.seeded",
  "user.locale_changed",
  "user.backup_codes_issued",
  "user.backup_codes_regenerated",
  "user.backup_code_used",
  "institution.created",
  "institution.draft_saved",
  "institution.submitted",
  "institution.approved",
  "institution.rejected",
  "institution.resumed",
  "institution.exported",
  "institution.retention_set",
  "institution.destruction_confirmed",
  "member.invited",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.invitation_revoked",
  "approval.requested",
  "approval.approved",
  "approval.rejected",
  "certificate.uploaded",
  "certificate.removed",
  "signup.requested",
  "signup.approved",
  "signup.rejected",
  "plan.created",
  "plan.updated",
  "environment.operation_requested",
  "environment.operation_cancel_requested",
  "environment.operation_started",
  "environment.operation_cancelled",
  "environment.operation_succeeded",
  "environment.operation_failed",
  "install_bundle.issued",
  "api_key.created",
  "api_key.revoked",
  "meter.created",
  "meter.retired",
  "plan.prices_set",
  "usage_adjustment.requested",
  "usage_adjustment.approved",
  "usage_adjustment.rejected",
  "usage_event.voided",
  "usage_event.amended",
  "usage_report.finalized",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
