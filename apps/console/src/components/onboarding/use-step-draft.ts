"use client";
import { createContext, useContext, useEffect, useState } from "react";
import type { WizardStep } from "@/lib/router-types";

/**
 * What was typed on each step and not saved yet, held by the wizard while its steps come and go:
 * Back (which saves nothing, the form may be half-filled) and the stepper unmount the step, and
 * coming back must show the person's typing, not the last saved answers.
 */
export type StepDrafts = Map<WizardStep, unknown>;

export const StepDraftsContext = createContext<StepDrafts | null>(null);

/** A step's form state: the unsaved draft if there is one, else `initial()` (the saved answers). */
export function useStepDraft<T>(step: WizardStep, initial: () => T) {
  const drafts = useContext(StepDraftsContext);
  const [form, setForm] = useState<T>(() => (drafts?.has(step) ? (drafts.get(step) as T) : initial()));
  useEffect(() => {
    drafts?.set(step, form);
  }, [drafts, step, form]);
  return [form, setForm] as const;
}

/** Once a step is saved its saved answers are the truth again (the API may have normalized them). */
export function useDiscardStepDraft(step: WizardStep) {
  const drafts = useContext(StepDraftsContext);
  return () => drafts?.delete(step);
}
