"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { QueryError } from "../ui/query-error";
import { AgentInstallGuide } from "./agent-install-guide";
import { CredentialsSourcePicker } from "./credentials-source-picker";
import { deploymentData, deploymentForm, validateDeployment } from "./deployment-form";
import { DeploymentModePicker } from "./deployment-mode-picker";
import { ManagedAccountFields } from "./managed-account-fields";
import { ManagedCredentialsFields } from "./managed-credentials-fields";
import { SaasRegionField } from "./saas-region-field";
import { StepForm } from "./step-form";
import type { StepProps } from "./step-props";
import { useFieldErrors } from "./use-field-errors";
import { useStepDraft } from "./use-step-draft";
import { useStepSubmit } from "./use-step-submit";

/** Where the platform runs and who operates it: SaaS, a managed sub-account, or self-managed. */
export function DeploymentStep({ institution, onBack, onSaved }: StepProps) {
  const t = useTranslations();
  const trpc = useTRPC();
  const options = useQuery(trpc.institutions.wizardOptions.queryOptions());
  const regions = options.data?.regions ?? [];
  const [form, setForm] = useStepDraft("deployment", () => deploymentForm(institution));
  // A managed account on stored credentials always has them (the API refuses one without them).
  const saved = institution.deploymentMode === "MANAGED" ? institution.managedAccount : null;
  const stored = saved?.credentialsSource === "STORED";
  const checks = useFieldErrors(validateDeployment(form, regions, stored));

  const step = useStepSubmit(institution.id, "deployment", checks, onSaved);
  const submit = () => step.submit(() => deploymentData(form));

  return (
    <StepForm
      title={t("onboarding.steps.deployment.title")}
      description={t("onboarding.steps.deployment.description")}
      onSubmit={submit}
      onBack={onBack}
      pending={step.pending}
      error={step.error}
    >
      <DeploymentModePicker
        value={form.mode}
        onChange={(mode) => {
          setForm((f) => ({ ...f, mode }));
          checks.touch("mode");
        }}
        error={checks.message("mode")}
      />
      {form.mode === "SAAS" ? (
        options.isError ? (
          <QueryError error={options.error} onRetry={() => void options.refetch()} />
        ) : (
          <SaasRegionField
            regions={regions}
            value={form.saasRegion}
            onChange={(saasRegion) => {
              setForm((f) => ({ ...f, saasRegion }));
              checks.touch("region");
            }}
            error={checks.message("region")}
          />
        )
      ) : null}
      {form.mode === "MANAGED" ? (
        <>
          <ManagedAccountFields
            value={form.managed}
            onChange={(managed) => setForm((f) => ({ ...f, managed }))}
            message={checks.message}
            touch={checks.touch}
          />
          <CredentialsSourcePicker
            value={form.credentialsSource ?? "STORED"}
            onChange={(credentialsSource) => setForm((f) => ({ ...f, credentialsSource }))}
          />
          {form.credentialsSource === "AGENT" ? (
            <AgentInstallGuide institutionId={institution.id} saved={saved?.credentialsSource === "AGENT"} />
          ) : (
            <ManagedCredentialsFields
              value={form.credentials}
              onChange={(credentials) => setForm((f) => ({ ...f, credentials }))}
              stored={stored}
              message={checks.message}
              touch={checks.touch}
            />
          )}
        </>
      ) : null}
      {form.mode === "SELF_MANAGED" ? (
        <Alert tone="info">
          <p className="font-medium">{t("onboarding.deployment.selfManagedTitle")}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            <li>{t("onboarding.deployment.selfManagedReleases")}</li>
            <li>{t("onboarding.deployment.selfManagedBundle")}</li>
            <li>{t("onboarding.deployment.selfManagedUsage")}</li>
          </ul>
        </Alert>
      ) : null}
    </StepForm>
  );
}
