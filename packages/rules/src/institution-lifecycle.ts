// The tenant (institution) state machine: one table, shared by the API (which refuses any other
// move with INVALID_TRANSITION) and the console (which offers only the moves it allows).
// PROVISIONING and ACTIVE are never chosen by a person but derived from the environments by
// deriveInstitutionStatus(), so the stored status cannot disagree with them.

import type { DeploymentMode, InstitutionStatus } from "./enums.ts";
import type { EnvironmentStatus } from "./environment-lifecycle.ts";
import type { Refusal } from "./refusal.ts";

export const INSTITUTION_EVENTS = ["submit", "reopen", "approve", "reject", "suspend", "resume", "offboard", "confirmDestruction"] as const;
export type InstitutionEvent = (typeof INSTITUTION_EVENTS)[number];

/**
 * event → (from → to). A rejected request goes back through DRAFT: "reopen" (REJECTED → DRAFT)
 * lets the institution edit, then "submit" sends it again, so submit has a single source and a
 * rejected request is never resubmitted unchanged by accident. The rejection reason is the
 * caller's to store (Institution.rejectionReason) on "reject".
 */
const TRANSITIONS: Record<InstitutionEvent, Partial<Record<InstitutionStatus, InstitutionStatus>>> = {
  submit: { DRAFT: "SUBMITTED" },
  reopen: { REJECTED: "DRAFT" },
  approve: { SUBMITTED: "APPROVED" },
  reject: { SUBMITTED: "REJECTED" },
  suspend: { ACTIVE: "SUSPENDED" },
  resume: { SUSPENDED: "ACTIVE" },
  // PROVISIONING too: a tenant whose provisioning never finishes must still be able to leave.
  offboard: { APPROVED: "OFFBOARDING", PROVISIONING: "OFFBOARDING", ACTIVE: "OFFBOARDING", SUSPENDED: "OFFBOARDING" },
  confirmDestruction: { OFFBOARDING: "OFFBOARDED" },
};

// Words for refusals: "Cannot approve an institution that is still a draft".
const EVENT_WORDS: Record<InstitutionEvent, string> = {
  submit: "submit",
  reopen: "reopen",
  approve: "approve",
  reject: "reject",
  suspend: "suspend",
  resume: "resume",
  offboard: "offboard",
  confirmDestruction: "confirm the destruction of",
};
const STATUS_WORDS: Record<InstitutionStatus, string> = {
  DRAFT: "still a draft",
  SUBMITTED: "submitted",
  REJECTED: "rejected",
  APPROVED: "approved",
  PROVISIONING: "provisioning",
  ACTIVE: "active",
  SUSPENDED: "suspended",
  OFFBOARDING: "offboarding",
  OFFBOARDED: "offboarded",
};

export type InstitutionTransition = { ok: true; status: InstitutionStatus } | { ok: false; refusal: Refusal };

/**
 * Where `event` leads from `from`, or the refusal in the words the API answers with. After resume
 * the caller stores deriveInstitutionStatus(result, …).status, since ACTIVE depends on the
 * environments.
 */
export function transitionInstitution(from: InstitutionStatus, event: InstitutionEvent): InstitutionTransition {
  const status = TRANSITIONS[event][from];
  if (status !== undefined) return { ok: true, status };
  return {
    ok: false,
    refusal: { code: "INVALID_TRANSITION", message: `Cannot ${EVENT_WORDS[event]} an institution that is ${STATUS_WORDS[from]}` },
  };
}

/** The events `status` accepts, in table order, for the console's action buttons. */
export function allowedInstitutionEvents(status: InstitutionStatus): InstitutionEvent[] {
  return INSTITUTION_EVENTS.filter((event) => TRANSITIONS[event][status] !== undefined);
}

export type DerivedInstitutionStatus = { status: InstitutionStatus; failedEnvironments: number };

const DERIVED: readonly InstitutionStatus[] = ["APPROVED", "PROVISIONING", "ACTIVE"];

/**
 * The status to show and store. Decisions (DRAFT … REJECTED, SUSPENDED, OFFBOARDING, OFFBOARDED)
 * stand as stored. For an approved tenant the environments decide, ignoring destroyed/destroying ones:
 * - SELF_MANAGED: Opus provisions nothing (the customer runs the platform), so approved = ACTIVE;
 * - any environment PENDING or PROVISIONING → PROVISIONING (work queued or running);
 * - otherwise any environment ACTIVE or SUSPENDED → ACTIVE (it serves; FAILED ones are counted);
 * - otherwise (none yet, or all FAILED) → APPROVED: nothing runs, and the tenant can still be
 *   offboarded instead of being stuck in PROVISIONING.
 * failedEnvironments always counts FAILED environments, so partial failure is never hidden.
 */
export function deriveInstitutionStatus(
  stored: InstitutionStatus,
  environments: readonly { status: EnvironmentStatus }[],
  deploymentMode: DeploymentMode | null,
  /** Whether an Opus admin confirmed the destruction of an offboarding tenant's data. */
  destructionConfirmed = false,
): DerivedInstitutionStatus {
  const failedEnvironments = environments.filter((env) => env.status === "FAILED").length;
  // Offboarding ends once destruction was confirmed and the last environment is gone.
  const offboarded = transitionInstitution(stored, "confirmDestruction");
  if (offboarded.ok && destructionConfirmed && environments.every((env) => env.status === "DESTROYED")) {
    return { status: offboarded.status, failedEnvironments };
  }
  if (!DERIVED.includes(stored)) return { status: stored, failedEnvironments };
  if (deploymentMode === "SELF_MANAGED") return { status: "ACTIVE", failedEnvironments };

  const live = environments.map((env) => env.status).filter((s) => s !== "DESTROYING" && s !== "DESTROYED");
  if (live.some((s) => s === "PENDING" || s === "PROVISIONING")) return { status: "PROVISIONING", failedEnvironments };
  if (live.some((s) => s === "ACTIVE" || s === "SUSPENDED")) return { status: "ACTIVE", failedEnvironments };
  return { status: "APPROVED", failedEnvironments };
}

/**
 * An approved tenant none of whose environments ever came up: every one (destroyed ones aside)
 * failed. Its stored status stays APPROVED (nothing runs; it can still be offboarded), but showing
 * "Approved" would hide that setup failed, so the console shows this instead, with the next step.
 */
export function setupFailed(status: InstitutionStatus, environments: readonly { status: EnvironmentStatus }[]): boolean {
  if (status !== "APPROVED") return false;
  const live = environments.filter((env) => env.status !== "DESTROYING" && env.status !== "DESTROYED");
  return live.length > 0 && live.every((env) => env.status === "FAILED");
}
