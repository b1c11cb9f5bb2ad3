// Which four-eyes change makes sense in which tenant status. The API checks it when a change is
// requested and again when a second person approves it (the tenant may have changed in between);
// the console offers only the changes it allows. Checks that need more than the status (the new
// deployment mode, the environments) stay with the API.
import { APPROVAL_ACTIONS, type ApprovalAction, type InstitutionStatus } from "./enums.ts";
import { type InstitutionEvent, transitionInstitution } from "./institution-lifecycle.ts";
import type { Refusal } from "./refusal.ts";

/** Deleting drops every record: only for tenants that never went live, or whose offboarding ended. */
const DELETABLE: readonly InstitutionStatus[] = ["DRAFT", "REJECTED", "OFFBOARDED"];
const LEAVING: readonly InstitutionStatus[] = ["OFFBOARDING", "OFFBOARDED"];
/** Going live needs environments being set up or up. */
const GOING_LIVE: readonly InstitutionStatus[] = ["APPROVED", "PROVISIONING", "ACTIVE"];

function moveRefusal(status: InstitutionStatus, event: InstitutionEvent): Refusal | null {
  const move = transitionInstitution(status, event);
  return move.ok ? null : move.refusal;
}

/** Why `action` cannot apply to a tenant in `status`; null when it can. */
export function approvalStatusRefusal(action: ApprovalAction, status: InstitutionStatus): Refusal | null {
  switch (action) {
    // Suspending and offboarding are moves of the tenant state machine: its table decides.
    case "SUSPEND":
      return moveRefusal(status, "suspend");
    case "OFFBOARD":
      return moveRefusal(status, "offboard");
    case "CHANGE_MODE":
      return LEAVING.includes(status) ? { code: "INVALID_TRANSITION", message: "An offboarded institution's mode cannot change." } : null;
    case "GO_LIVE_OVERRIDE":
      return GOING_LIVE.includes(status)
        ? null
        : { code: "PRECONDITION_FAILED", message: "Only an approved or active institution can go live." };
    case "DELETE":
      return DELETABLE.includes(status)
        ? null
        : {
            code: "PRECONDITION_FAILED",
            message: "Only drafts, rejected requests and offboarded institutions can be deleted; offboard it first.",
          };
  }
}

/**
 * The changes the governance menu offers for a tenant in `status`, in its order. A go-live override
 * is asked for from the institution's roadmap, where the open stages are listed, not from this menu.
 */
export function requestableActions(status: InstitutionStatus): ApprovalAction[] {
  return APPROVAL_ACTIONS.filter((action) => action !== "GO_LIVE_OVERRIDE" && approvalStatusRefusal(action, status) === null);
}
