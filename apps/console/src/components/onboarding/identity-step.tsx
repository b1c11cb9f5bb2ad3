"use client";
import { REGULATORY_ROLES } from "@opus/rules/enums";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { useTranslations } from "next-intl";
import { CnpjField } from "../institutions/cnpj-field";
import { CheckboxField } from "../ui/checkbox-field";
import { Fieldset } from "../ui/fieldset";
import { TextField } from "../ui/text-field";
import { identityData, identityForm, validateIdentity } from "./identity-form";
import { StepForm } from "./step-form";
import type { StepProps } from "./step-props";
import { useFieldErrors } from "./use-field-errors";
import { useStepDraft } from "./use-step-draft";
import { useStepSubmit } from "./use-step-submit";

/** Who the institution is in the Open Finance Directory. */
export function IdentityStep({ institution, onBack, onSaved }: StepProps) {
  const t = useTranslations();
  const [form, setForm] = useStepDraft("identity", () => identityForm(institution));
  const checks = useFieldErrors(validateIdentity(form));
  const set = (changes: Partial<typeof form>) => setForm((current) => ({ ...current, ...changes }));

  const step = useStepSubmit(institution.id, "identity", checks, onSaved);
  const submit = () => step.submit(() => identityData(form));

  return (
    <StepForm
      title={t("onboarding.steps.identity.title")}
      description={t("onboarding.steps.identity.description")}
      onSubmit={submit}
      onBack={onBack}
      pending={step.pending}
      error={step.error}
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField
          label={t("onboarding.identity.legalName")}
          value={form.legalName}
          onChange={(e) => set({ legalName: e.target.value })}
          onBlur={() => checks.touch("legalName")}
          error={checks.message("legalName")}
          maxLength={TEXT_LIMITS.legalName}
          autoComplete="organization"
          required
        />
        <TextField
          label={t("onboarding.identity.tradeName")}
          hint={t("onboarding.optional")}
          value={form.tradeName}
          onChange={(e) => set({ tradeName: e.target.value })}
          maxLength={TEXT_LIMITS.tradeName}
        />
        <CnpjField
          value={form.cnpj}
          onChange={(cnpj) => set({ cnpj })}
          onBlur={() => checks.touch("cnpj")}
          error={checks.message("cnpj")}
        />
        <TextField
          label={t("onboarding.identity.organisationId")}
          hint={t("onboarding.identity.organisationIdHint")}
          value={form.organisationId}
          onChange={(e) => set({ organisationId: e.target.value })}
          onBlur={() => checks.touch("organisationId")}
          error={checks.message("organisationId")}
          placeholder="00000000-0000-0000-0000-000000000000"
          maxLength={TEXT_LIMITS.uuid}
          spellCheck={false}
          autoComplete="off"
          required
          className="[&_input]:font-mono"
        />
      </div>
      <Fieldset legend={t("onboarding.identity.roles")} hint={t("onboarding.identity.rolesHint")} error={checks.message("roles")}>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {REGULATORY_ROLES.map((role) => (
            <CheckboxField
              key={role}
              label={t(`enums.regulatoryRole.${role}`)}
              description={t(`enums.regulatoryRoleHelp.${role}`)}
              checked={form.roles.includes(role)}
              onChange={(e) => {
                set({ roles: e.target.checked ? [...form.roles, role] : form.roles.filter((r) => r !== role) });
                checks.touch("roles");
              }}
            />
          ))}
        </div>
      </Fieldset>
    </StepForm>
  );
}
