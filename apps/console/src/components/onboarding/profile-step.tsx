"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiFamiliesPicker } from "./api-families-picker";
import { BrandsEditor } from "./brands-editor";
import { profileData, profileForm, validateProfile } from "./profile-form";
import { StepForm } from "./step-form";
import type { StepProps } from "./step-props";
import { useFieldErrors } from "./use-field-errors";
import { useSaveStep } from "./use-save-step";
import { useStepError } from "./use-step-error";

/** Brands (one authorisation server each) and the API families the institution exposes. */
export function ProfileStep({ institution, onBack, onSaved }: StepProps) {
  const t = useTranslations("onboarding.steps.profile");
  const [form, setForm] = useState(() => profileForm(institution));
  const [invalid, setInvalid] = useState(false);
  const checks = useFieldErrors(validateProfile(form));
  const saving = useSaveStep(institution.id);
  const stepError = useStepError();

  async function submit() {
    saving.reset();
    const valid = checks.attempt();
    setInvalid(!valid);
    if (!valid) return false;
    const result = await saving.save("profile", profileData(form));
    if (!result.ok) checks.setServerErrors(result.fields);
    else onSaved();
    return result.ok;
  }

  return (
    <StepForm
      title={t("title")}
      description={t("description")}
      onSubmit={submit}
      onBack={onBack}
      pending={saving.pending}
      error={stepError(invalid, saving.error)}
    >
      <BrandsEditor
        brands={form.brands}
        onChange={(brands) => setForm((f) => ({ ...f, brands }))}
        message={checks.message}
        touch={checks.touch}
      />
      <ApiFamiliesPicker
        selected={form.apiFamilies}
        onChange={(apiFamilies) => {
          setForm((f) => ({ ...f, apiFamilies }));
          checks.touch("apiFamilies");
        }}
        error={checks.message("apiFamilies")}
      />
    </StepForm>
  );
}
