import { PHONE_PATTERN } from "@opus/rules/text-patterns";
import type { InstitutionDetail, StepData } from "@/lib/router-types";
import { type FieldErrors, isEmail } from "./field-errors";

export const CONTACT_KINDS = ["technical", "billing"] as const;
export type ContactKey = (typeof CONTACT_KINDS)[number];
export type ContactForm = { name: string; email: string; phone: string };
export type ContactsForm = Record<ContactKey, ContactForm>;

export function contactsForm(institution: InstitutionDetail): ContactsForm {
  const of = (kind: "TECHNICAL" | "BILLING"): ContactForm => {
    const found = institution.contacts.find((c) => c.kind === kind);
    return { name: found?.name ?? "", email: found?.email ?? "", phone: found?.phone ?? "" };
  };
  return { technical: of("TECHNICAL"), billing: of("BILLING") };
}

export function validateContacts(form: ContactsForm): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of CONTACT_KINDS) {
    const contact = form[key];
    if (!contact.name.trim()) errors[`${key}.name`] = "required";
    if (!contact.email.trim()) errors[`${key}.email`] = "required";
    else if (!isEmail(contact.email)) errors[`${key}.email`] = "email";
    if (!PHONE_PATTERN.test(contact.phone.trim())) errors[`${key}.phone`] = "phone";
  }
  return errors;
}

export function contactsData(form: ContactsForm): StepData<"contacts"> {
  const data = (c: ContactForm) => ({ name: c.name.trim(), email: c.email.trim(), phone: c.phone.trim() || undefined });
  return { technical: data(form.technical), billing: data(form.billing) };
}
