"use client";
import { APPROVAL_ACTIONS, INSTITUTION_STATUSES } from "@opus/rules/enums";
import { WIZARD_STEPS } from "@opus/rules/onboarding";
import { useTranslations } from "next-intl";
import type { AuditEvent } from "@/lib/router-types";

function field(data: AuditEvent["data"], key: string): string {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "";
  const value = (data as Record<string, unknown>)[key];
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

/**
 * One sentence per known action, in the reader's language. Actions this console does not know yet
 * (added by newer API versions) fall back to their details; the raw action code is shown beside.
 */
export function useAuditDescription(): (event: AuditEvent) => string {
  const t = useTranslations();
  const role = (value: string) => (value === "ADMIN" || value === "VIEWER" ? t(`enums.institutionRole.${value}`) : value);
  const status = (value: string) => {
    const known = INSTITUTION_STATUSES.find((s) => s === value);
    return known ? t(`enums.institutionStatus.${known}`) : value;
  };
  const change = (value: string) => {
    const known = APPROVAL_ACTIONS.find((a) => a === value);
    return known ? t(`approvals.actions.${known}`) : value;
  };
  const step = (value: string) => {
    const known = WIZARD_STEPS.find((s) => s === value);
    return known ? t(`onboarding.steps.${known}.short`) : value;
  };
  return (event) => {
    const get = (key: string) => field(event.data, key);
    switch (event.action) {
      case "system.seeded":
        return t("audit.actions.systemSeeded");
      case "member.invited":
        return t("audit.actions.memberInvited", { email: get("email"), role: role(get("role")) });
      case "member.joined":
        return t(get("newAccount") === "true" ? "audit.actions.memberJoinedNew" : "audit.actions.memberJoined", {
          email: get("email"),
          role: role(get("role")),
        });
      case "member.role_changed":
        return t("audit.actions.memberRoleChanged", { email: get("email"), from: role(get("from")), to: role(get("to")) });
      case "member.removed":
        return t("audit.actions.memberRemoved", { email: get("email") });
      case "member.invitation_revoked":
        return t("audit.actions.invitationRevoked", { email: get("email") });
      case "institution.created":
        return t("audit.actions.institutionCreated", { name: get("legalName") });
      case "institution.draft_saved":
        return t("audit.actions.draftSaved", { step: step(get("step")) });
      case "institution.submitted":
        return t("audit.actions.submitted");
      case "institution.approved":
        return t("audit.actions.approved");
      case "institution.rejected":
        return t("audit.actions.rejected", { reason: get("reason") });
      case "institution.status_changed":
        return t("audit.actions.statusChanged", { from: status(get("from")), to: status(get("to")) });
      case "institution.resumed":
        return t("audit.actions.resumed");
      case "institution.exported":
        return t("audit.actions.exported");
      case "institution.retention_set":
        return t("audit.actions.retentionSet", { from: get("from"), to: get("to") });
      case "institution.destruction_confirmed":
        return t("audit.actions.destructionConfirmed");
      case "approval.requested":
        return t("audit.actions.approvalRequested", { change: change(get("action")), reason: get("reason") });
      case "approval.approved":
        return t("audit.actions.approvalApproved", { change: change(get("action")) });
      case "approval.rejected":
        return t("audit.actions.approvalRejected", { change: change(get("action")) });
      case "certificate.uploaded":
        return t("audit.actions.certificateUploaded", { kind: get("kind"), serial: get("serialNumber") });
      case "certificate.removed":
        return t("audit.actions.certificateRemoved", { kind: get("kind"), serial: get("serialNumber") });
      case "signup.requested":
        return t("audit.actions.signupRequested", { email: get("email"), name: get("legalName") });
      case "signup.approved":
        return t("audit.actions.signupApproved", { email: get("email") });
      case "signup.rejected":
        return t("audit.actions.signupRejected", { email: get("email") });
      case "plan.created":
        return t("audit.actions.planCreated", { name: get("name") });
      case "plan.updated":
        return t("audit.actions.planUpdated", { name: get("name") });
      case "user.locale_changed":
        return t("audit.actions.localeChanged", { locale: get("locale") });
      default: {
        const details =
          typeof event.data === "object" && event.data !== null && !Array.isArray(event.data)
            ? Object.keys(event.data)
                .map((k) => `${k}: ${get(k)}`)
                .join(", ")
            : "";
        return details ? t("audit.actions.otherWithDetails", { details }) : t("audit.actions.other");
      }
    }
  };
}
