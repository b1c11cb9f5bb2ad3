"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ContactFields } from "./contact-fields";
import { CONTACT_KINDS, contactsData, contactsForm, validateContacts } from "./contacts-form";
import { StepForm } from "./step-form";
import type { StepProps } from "./step-props";
import { useFieldErrors } from "./use-field-errors";
import { useSaveStep } from "./use-save-step";
import { useStepError } from "./use-step-error";

/** Who Opus talks to about the platform, and who receives the invoices. */
export function ContactsStep({ institution, onBack, onSaved }: StepProps) {
  const t = useTranslations("onboarding.steps.contacts");
  const [form, setForm] = useState(() => contactsForm(institution));
  const [invalid, setInvalid] = useState(false);
  const checks = useFieldErrors(validateContacts(form));
  const saving = useSaveStep(institution.id);
  const stepError = useStepError();

  async function submit() {
    saving.reset();
    const valid = checks.attempt();
    setInvalid(!valid);
    if (!valid) return false;
    const result = await saving.save("contacts", contactsData(form));
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
      {CONTACT_KINDS.map((kind) => (
        <ContactFields
          key={kind}
          kind={kind}
          contact={form[kind]}
          onChange={(contact) => setForm((f) => ({ ...f, [kind]: contact }))}
          message={checks.message}
          touch={checks.touch}
        />
      ))}
    </StepForm>
  );
}
