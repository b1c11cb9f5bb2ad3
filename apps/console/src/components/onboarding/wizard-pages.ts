// The wizard's pages: the five steps the API saves one by one, then the review before submitting.
import { WIZARD_STEPS, type WizardStep } from "@opus/rules/onboarding";

export type WizardPage = WizardStep | "review";

export const WIZARD_PAGES: readonly WizardPage[] = [...WIZARD_STEPS, "review"];

export function isWizardPage(value: string | null): value is WizardPage {
  return WIZARD_PAGES.some((page) => page === value);
}

/** `wizardStep` counts the steps completed: a draft resumes at the first one not done yet. */
export function resumePage(wizardStep: number): WizardPage {
  return WIZARD_STEPS[wizardStep] ?? "review";
}

export function wizardHref(institutionId: string, page: WizardPage): string {
  return `/institutions/${institutionId}/onboarding?step=${page}`;
}

export function adjacentPage(page: WizardPage, offset: 1 | -1): WizardPage | null {
  return WIZARD_PAGES[WIZARD_PAGES.indexOf(page) + offset] ?? null;
}
