"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SaveStepInput, StepData, WizardStep } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { type FieldErrors, serverFieldErrors } from "./field-errors";

type Outcome = { ok: true } | { ok: false; fields: FieldErrors };

/** Saves one step into the draft, then refreshes what the wizard and the navigation show. */
export function useSaveStep(institutionId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(trpc.institutions.saveStep.mutationOptions());

  async function save<S extends WizardStep>(step: S, data: StepData<S>): Promise<Outcome> {
    try {
      await mutation.mutateAsync({ institutionId, step, data } as SaveStepInput);
    } catch (error) {
      return { ok: false, fields: serverFieldErrors(error) };
    }
    // Saving a rejected request reopens it as a draft: the status shown elsewhere changes too.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.institutions.get.queryKey({ institutionId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() }),
    ]);
    return { ok: true };
  }

  return { save, pending: mutation.isPending, error: mutation.error, reset: mutation.reset };
}
