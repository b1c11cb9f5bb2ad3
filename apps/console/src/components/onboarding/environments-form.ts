import { REQUIRED_ENVIRONMENT_KINDS } from "@opus/rules/enums";
import type { EnvironmentKind, InstitutionDetail, StepData } from "@/lib/router-types";
import type { FieldErrors } from "./field-errors";

export type EnvironmentsForm = { development: boolean; planId: string };

export function environmentsForm(institution: InstitutionDetail): EnvironmentsForm {
  return { development: institution.environments.some((e) => e.kind === "DEVELOPMENT"), planId: institution.plan?.id ?? "" };
}

export function validateEnvironments(form: EnvironmentsForm, activePlanIds: readonly string[]): FieldErrors {
  return form.planId && activePlanIds.includes(form.planId) ? {} : { planId: "planRequired" };
}

export function environmentsData(form: EnvironmentsForm): StepData<"environments"> {
  const kinds: EnvironmentKind[] = [...(form.development ? (["DEVELOPMENT"] as const) : []), ...REQUIRED_ENVIRONMENT_KINDS];
  return { kinds, planId: form.planId };
}
