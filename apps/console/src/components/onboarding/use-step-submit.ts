"use client";
import { useState } from "react";
import type { StepData, WizardStep } from "@/lib/router-types";
import type { useFieldErrors } from "./use-field-errors";
import { useSaveStep } from "./use-save-step";
import { useDiscardStepDraft } from "./use-step-draft";
import { useStepError } from "./use-step-error";

/**
 * What every wizard step does on "Save and continue": show the client checks, save when they
 * pass, put the API's field errors back on the fields, and move on once saved.
 */
export function useStepSubmit<S extends WizardStep>(
  institutionId: string,
  step: S,
  checks: ReturnType<typeof useFieldErrors>,
  onSaved: () => void,
) {
  const [invalid, setInvalid] = useState(false);
  const saving = useSaveStep(institutionId);
  const stepError = useStepError();
  const discardDraft = useDiscardStepDraft(step);

  async function submit(data: () => StepData<S>): Promise<boolean> {
    saving.reset();
    const valid = checks.attempt();
    setInvalid(!valid);
    if (!valid) return false;
    const result = await saving.save(step, data());
    if (!result.ok) checks.setServerErrors(result.fields);
    else {
      discardDraft();
      onSaved();
    }
    return result.ok;
  }

  return { submit, pending: saving.pending, error: stepError(invalid, saving.error) };
}
