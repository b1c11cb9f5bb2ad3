"use client";
import type { AuditAction } from "@opus/rules/audit-actions";
import { APPROVAL_ACTIONS, INSTITUTION_STATUSES } from "@opus/rules/enums";
import { WIZARD_STEPS } from "@opus/rules/onboarding";
import { useTranslations } from "next-intl";
import type { AuditEvent } from "@/lib/router-types";

type Values = Record<string, string>;
type Read = {
  /** A scalar field of the event's data, as text ("" when absent). */
  get: (key: string) => string;
  role: (value: string) => string;
  status: (value: string) => string;
  change: (value: string) => string;
  step: (value: string) => string;
  kind: (value: string) => string;
  environmentStatus: (value: string) => string;
  /** "; the institution is now Active" when the action moved the tenant's status, else "". */
  statusSuffix: () => string;
};

const none = (): Values => ({});

/**
 * The values each action's sentence (`audit.actions.<action>` in both catalogues) needs. Keyed by
 * the API's typed list, so an action added there does not type-check here until it is described.
 */
const VALUES: Record<AuditAction, (r: Read) => Values> = {
  "system.seeded": none,
  "user.locale_changed": (r) => ({ locale: r.get("locale") }),
  "notification.read": (r) => ({ count: r.get("count") }),
  "institution.created": (r) => ({ name: r.get("legalName"), email: r.get("adminEmail") }),
  "institution.draft_saved": (r) => ({ step: r.step(r.get("step")) }),
  "institution.submitted": none,
  "institution.approved": (r) => ({ status: r.statusSuffix() }),
  "institution.rejected": (r) => ({ reason: r.get("reason") }),
  "institution.resumed": (r) => ({ status: r.statusSuffix() }),
  "institution.exported": none,
  "institution.retention_set": (r) => ({ from: r.get("from"), to: r.get("to") }),
  "institution.destruction_confirmed": (r) => ({ status: r.statusSuffix() }),
  "member.invited": (r) => ({ email: r.get("email"), role: r.role(r.get("role")) }),
  "member.joined": (r) => ({ email: r.get("email"), role: r.role(r.get("role")), newAccount: r.get("newAccount") }),
  "member.role_changed": (r) => ({ email: r.get("email"), from: r.role(r.get("from")), to: r.role(r.get("to")) }),
  "member.removed": (r) => ({ email: r.get("email") }),
  "member.invitation_revoked": (r) => ({ email: r.get("email") }),
  "approval.requested": (r) => ({ change: r.change(r.get("action")), reason: r.get("reason") }),
  "approval.approved": (r) => ({ change: r.change(r.get("action")), status: r.statusSuffix() }),
  "approval.rejected": (r) => ({ change: r.change(r.get("action")) }),
  "certificate.uploaded": (r) => ({ kind: r.get("kind"), serial: r.get("serialNumber") }),
  "certificate.removed": (r) => ({ kind: r.get("kind"), serial: r.get("serialNumber") }),
  "signup.requested": (r) => ({ email: r.get("email"), name: r.get("legalName") }),
  "signup.approved": (r) => ({ email: r.get("email") }),
  "signup.rejected": (r) => ({ email: r.get("email") }),
  "plan.created": (r) => ({ name: r.get("name") }),
  "plan.updated": (r) => ({ name: r.get("name") }),
  "environment.operation_requested": (r) => ({ kind: r.kind(r.get("kind")), stack: r.get("stackName") }),
  "environment.operation_cancel_requested": (r) => ({ kind: r.kind(r.get("kind")) }),
  "environment.operation_started": (r) => ({
    kind: r.kind(r.get("kind")),
    environmentStatus: r.environmentStatus(r.get("environmentStatus")),
    status: r.statusSuffix(),
  }),
  "environment.operation_cancelled": (r) => ({ kind: r.kind(r.get("kind")), status: r.statusSuffix() }),
  "environment.operation_succeeded": (r) => ({ kind: r.kind(r.get("kind")), status: r.statusSuffix() }),
  "environment.operation_failed": (r) => ({ kind: r.kind(r.get("kind")), error: r.get("error"), status: r.statusSuffix() }),
  "environment.operation_handed_back": (r) => ({ kind: r.kind(r.get("kind")), runner: r.get("workerId") }),
  "install_bundle.issued": (r) => ({ release: r.get("release"), prefix: r.get("keyPrefix") }),
  "api_key.created": (r) => ({ name: r.get("name"), prefix: r.get("prefix") }),
  "api_key.revoked": none,
  "go_live.plan_opened": none,
  "go_live.stage_updated": (r) => ({ stage: r.get("stage"), to: r.get("to") }),
  "go_live.evidence_added": (r) => ({ label: r.get("label") }),
  "go_live.declared": none,
  "api_key.used": (r) => ({ prefix: r.get("prefix") }),
  "auth.signed_in": none,
  "auth.sign_in_failed": (r) => ({ email: r.get("email") }),
  "auth.two_factor_required": none,
  "auth.two_factor_passed": none,
  "auth.two_factor_failed": none,
  "auth.two_factor_enabled": none,
  "auth.two_factor_disabled": none,
  "auth.backup_code_used": none,
  "auth.backup_codes_regenerated": none,
  "meter.created": (r) => ({ code: r.get("code") }),
  "meter.retired": (r) => ({ code: r.get("code") }),
  "plan.prices_set": (r) => ({ month: r.get("effectiveMonth") }),
  "usage_adjustment.requested": (r) => ({ amount: r.get("amountCentavos"), month: r.get("month"), reason: r.get("reason") }),
  "usage_adjustment.approved": (r) => ({ amount: r.get("amountCentavos"), month: r.get("month") }),
  "usage_adjustment.rejected": (r) => ({ amount: r.get("amountCentavos"), month: r.get("month") }),
  "usage_event.voided": (r) => ({ month: r.get("month"), reason: r.get("reason") }),
  "usage_event.amended": (r) => ({ month: r.get("month"), from: r.get("oldQuantity"), to: r.get("newQuantity"), reason: r.get("reason") }),
  "usage_report.finalized": (r) => ({ month: r.get("month") }),
  "release.created": (r) => ({ version: r.get("version") }),
  "release.published": (r) => ({ version: r.get("version") }),
  "release.deprecated": (r) => ({ version: r.get("version") }),
  "release.withdrawn": (r) => ({ version: r.get("version"), reason: r.get("reason") }),
  "environment.release_settings_changed": none,
  "fleet.freeze_set": none,
  "fleet.emergency_halt_declared": (r) => ({ reason: r.get("reason") }),
  "fleet.emergency_halt_lifted": none,
  "rollout.created": (r) => ({ name: r.get("name"), version: r.get("version") }),
  "rollout.started": (r) => ({ name: r.get("name") }),
  "rollout.wave_approved": (r) => ({ wave: r.get("wave") }),
  "rollout.paused": none,
  "rollout.resumed": none,
  "rollout.aborted": none,
  "rollout.rollback_requested": (r) => ({ count: r.get("count") }),
};

const OPERATION_KINDS = ["PREVIEW", "UP", "REFRESH", "DESTROY"] as const;
const ENVIRONMENT_STATUSES = ["PENDING", "PROVISIONING", "ACTIVE", "SUSPENDED", "FAILED", "DESTROYING", "DESTROYED"] as const;

function record(data: unknown): Record<string, unknown> {
  return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

function scalar(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

function isKnown(action: string): action is AuditAction {
  return Object.hasOwn(VALUES, action);
}

/**
 * One sentence per action, in the reader's language. Actions this console does not know yet
 * (added by newer API versions) fall back to their details; the raw action code is shown beside.
 */
export function useAuditDescription(): (event: AuditEvent) => string {
  const t = useTranslations();
  const known = <T extends string>(list: readonly T[], value: string) => list.find((item) => item === value);
  return (event) => {
    const data = record(event.data);
    const get = (key: string) => scalar(data[key]);
    const read: Read = {
      get,
      role: (value) => (value === "ADMIN" || value === "VIEWER" ? t(`enums.institutionRole.${value}`) : value),
      status: (value) => {
        const s = known(INSTITUTION_STATUSES, value);
        return s ? t(`enums.institutionStatus.${s}`) : value;
      },
      change: (value) => {
        const a = known(APPROVAL_ACTIONS, value);
        return a ? t(`approvals.actions.${a}`) : value;
      },
      step: (value) => {
        const s = known(WIZARD_STEPS, value);
        return s ? t(`onboarding.steps.${s}.short`) : value;
      },
      kind: (value) => {
        const k = known(OPERATION_KINDS, value);
        return k ? t(`Provisioning.kind.${k}`) : value;
      },
      environmentStatus: (value) => {
        const s = known(ENVIRONMENT_STATUSES, value);
        return s ? t(`enums.environmentStatus.${s}`) : value;
      },
      statusSuffix: () => {
        const to = scalar(record(data.statusChange).to);
        return to ? t("audit.actions.statusSuffix", { to: read.status(to) }) : "";
      },
    };
    if (isKnown(event.action)) return t(`audit.actions.${event.action}`, VALUES[event.action](read));
    const details = Object.keys(data)
      .map((k) => `${k}: ${get(k)}`)
      .join(", ");
    return details ? t("audit.actions.otherWithDetails", { details }) : t("audit.actions.other");
  };
}
