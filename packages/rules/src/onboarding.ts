// The onboarding wizard's shape, shared by the API (which saves and validates each step) and the
// console (which shows one page per step and offers the wizard only while answers may change).
import type { InstitutionStatus } from "./enums.ts";
import { transitionInstitution } from "./institution-lifecycle.ts";

/** The steps in order; an institution's `wizardStep` counts how many are done. */
export const WIZARD_STEPS = ["identity", "profile", "contacts", "deployment", "environments"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/**
 * Onboarding answers can change while a draft, or after a rejection: saving reopens the request
 * as a draft (the state machine's "reopen"), which is then submitted again.
 */
export function canEditOnboarding(status: InstitutionStatus): boolean {
  return status === "DRAFT" || transitionInstitution(status, "reopen").ok;
}
