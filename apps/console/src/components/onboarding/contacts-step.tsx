"use client";
import { useTranslations } from "next-intl";
import { ContactFields } from "./contact-fields";
import { CONTACT_KINDS, contactsData, contactsForm, validateContacts } from "./contacts-form";
import { StepForm } from "./step-form";
import type { StepProps } from "./step-props";
import { useFieldErrors } from "./use-field-errors";
import { useStepDraft } from "./use-step-draft";
import { useStepSubmit } from "./use-step-submit";

/** Who Opus talks to about the platform, and who receives the invoices. */
export function ContactsStep({ institution, onBack, onSaved }: StepProps) {
  const t = useTranslations("onboarding.steps.contacts");
  const [form, setForm] = useStepDraft("contacts", () => contactsForm(institution));
  const checks = useFieldErrors(validateContacts(form));

  const step = useStepSubmit(institution.id, "contacts", checks, onSaved);
  const submit = () => step.submit(() => contactsData(form));

  return (
    <StepForm title={t("title")} description={t("description")} onSubmit={submit} onBack={onBack} pending={step.pending} error={step.error}>
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
