"use client";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { useTranslations } from "next-intl";
import { Fieldset } from "../ui/fieldset";
import { TextField } from "../ui/text-field";
import type { ContactForm, ContactKey } from "./contacts-form";

type Props = {
  kind: ContactKey;
  contact: ContactForm;
  onChange: (contact: ContactForm) => void;
  message: (field: string) => string | null;
  touch: (field: string) => void;
};

/** Name, e-mail and phone of one contact (technical or billing). */
export function ContactFields({ kind, contact, onChange, message, touch }: Props) {
  const t = useTranslations("onboarding.contacts");
  const field = (name: keyof ContactForm) => ({
    value: contact[name],
    onChange: (e: { target: { value: string } }) => onChange({ ...contact, [name]: e.target.value }),
    onBlur: () => touch(`${kind}.${name}`),
    error: message(`${kind}.${name}`),
  });
  return (
    <Fieldset legend={t(`${kind}.title`)} hint={t(`${kind}.hint`)} className="rounded-md border border-slate-200 p-4">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <TextField label={t(`${kind}.name`)} {...field("name")} maxLength={TEXT_LIMITS.name} autoComplete="off" required />
        <TextField label={t(`${kind}.email`)} type="email" {...field("email")} maxLength={TEXT_LIMITS.email} autoComplete="off" required />
        <TextField
          label={t(`${kind}.phone`)}
          hint={t("phoneHint")}
          type="tel"
          {...field("phone")}
          maxLength={TEXT_LIMITS.phone}
          autoComplete="off"
          placeholder="+55 11 4000-0000"
        />
      </div>
    </Fieldset>
  );
}
