// The tenant state machine is @opus/rules/institution-lifecycle (shared with the console); this is
// the API's side of it: a move the table refuses is an AppError INVALID_TRANSITION.
import type { InstitutionStatus } from "@opus/rules/enums";
import { type InstitutionEvent, transitionInstitution } from "@opus/rules/institution-lifecycle";
import { AppError } from "../../errors/app-error.ts";

/**
 * The status `event` leads to from `from`, or AppError INVALID_TRANSITION. After resume the caller
 * stores deriveInstitutionStatus(result, …).status, since ACTIVE depends on the environments.
 */
export function transition(from: InstitutionStatus, event: InstitutionEvent): InstitutionStatus {
  const move = transitionInstitution(from, event);
  if (!move.ok) throw new AppError(move.refusal.code, move.refusal.message);
  return move.status;
}
