import { APPROVAL_ACTIONS } from "@opus/rules/enums";
import type { ApprovalAction, InstitutionStatus } from "@/lib/router-types";

/** Where each change makes sense (the API checks again, also when the second person approves). */
const APPLICABLE: Record<ApprovalAction, readonly InstitutionStatus[]> = {
  SUSPEND: ["ACTIVE"],
  OFFBOARD: ["APPROVED", "PROVISIONING", "ACTIVE", "SUSPENDED"],
  CHANGE_MODE: ["DRAFT", "SUBMITTED", "REJECTED", "APPROVED", "PROVISIONING", "ACTIVE", "SUSPENDED"],
  DELETE: ["DRAFT", "REJECTED", "OFFBOARDED"],
};

export function requestableActions(status: InstitutionStatus): ApprovalAction[] {
  return APPROVAL_ACTIONS.filter((action) => APPLICABLE[action].includes(status));
}
