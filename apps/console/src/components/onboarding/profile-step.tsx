"use client";
import { useTranslations } from "next-intl";
import { ApiFamiliesPicker } from "./api-families-picker";
import { BrandsEditor } from "./brands-editor";
import { profileData, profileForm, validateProfile } from "./profile-form";
import { StepForm } from "./step-form";
import type { StepProps } from "./step-props";
import { useFieldErrors } from "./use-field-errors";
import { useStepDraft } from "./use-step-draft";
import { useStepSubmit } from "./use-step-submit";

/** Brands (one authorisation server each) and the API families the institution exposes. */
export function ProfileStep({ institution, onBack, onSaved }: StepProps) {
  const t = useTranslations("onboarding.steps.profile");
  const [form, setForm] = useStepDraft("profile", () => profileForm(institution));
  const checks = useFieldErrors(validateProfile(form));

  const step = useStepSubmit(institution.id, "profile", checks, onSaved);
  const submit = () => step.submit(() => profileData(form));

  return (
    <StepForm title={t("title")} description={t("description")} onSubmit={submit} onBack={onBack} pending={step.pending} error={step.error}>
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
