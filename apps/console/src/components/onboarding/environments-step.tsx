"use client";
import { ENVIRONMENT_KINDS } from "@opus/rules/enums";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc";
import { CheckboxField } from "../ui/checkbox-field";
import { Fieldset } from "../ui/fieldset";
import { QueryError } from "../ui/query-error";
import { Spinner } from "../ui/spinner";
import { environmentsData, environmentsForm, validateEnvironments } from "./environments-form";
import { PlanPicker } from "./plan-picker";
import { StepForm } from "./step-form";
import type { StepProps } from "./step-props";
import { useFieldErrors } from "./use-field-errors";
import { useStepDraft } from "./use-step-draft";
import { useStepSubmit } from "./use-step-submit";

/** Which environments Opus prepares (homologation and production always), and the plan. */
export function EnvironmentsStep({ institution, onBack, onSaved }: StepProps) {
  const t = useTranslations();
  const trpc = useTRPC();
  const plans = useQuery(trpc.plans.find.queryOptions());
  const active = (plans.data ?? []).filter((p) => p.active);
  const [form, setForm] = useStepDraft("environments", () => environmentsForm(institution));
  const checks = useFieldErrors(
    validateEnvironments(
      form,
      active.map((p) => p.id),
    ),
  );

  const step = useStepSubmit(institution.id, "environments", checks, onSaved);
  const submit = () => step.submit(() => environmentsData(form));

  return (
    <StepForm
      title={t("onboarding.steps.environments.title")}
      description={t("onboarding.steps.environments.description")}
      onSubmit={submit}
      onBack={onBack}
      pending={step.pending}
      error={step.error}
    >
      <Fieldset legend={t("onboarding.environments.kinds")} hint={t("onboarding.environments.kindsHint")}>
        <div className="space-y-2">
          {ENVIRONMENT_KINDS.map((kind) => {
            const optional = kind === "DEVELOPMENT";
            return (
              <CheckboxField
                key={kind}
                label={t(optional ? "onboarding.environments.optionalKind" : "onboarding.environments.requiredKind", {
                  kind: t(`enums.environmentKind.${kind}`),
                })}
                description={t(`enums.environmentKindHelp.${kind}`)}
                checked={optional ? form.development : true}
                disabled={!optional}
                onChange={(e) => optional && setForm((f) => ({ ...f, development: e.target.checked }))}
              />
            );
          })}
        </div>
      </Fieldset>
      {plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data ? (
        <PlanPicker
          plans={active}
          value={form.planId}
          onChange={(planId) => {
            setForm((f) => ({ ...f, planId }));
            checks.touch("planId");
          }}
          error={checks.message("planId")}
        />
      ) : (
        <p className="flex items-center gap-2 text-sm text-slate-500" role="status">
          <Spinner /> {t("common.loading")}
        </p>
      )}
    </StepForm>
  );
}
