"use client";
import { CNPJ_MASKED_LENGTH, maskCnpj } from "@opus/rules/cnpj";
import { useTranslations } from "next-intl";
import { TextField } from "../ui/text-field";

type Props = { value: string; onChange: (value: string) => void; onBlur?: () => void; error?: string | null; label?: string };

/** A CNPJ typed with or without punctuation, letters included (alphanumeric CNPJ), shown as 00.000.000/0000-00. */
export function CnpjField({ value, onChange, onBlur, error, label }: Props) {
  const t = useTranslations("cnpj");
  return (
    <TextField
      label={label ?? t("label")}
      hint={t("hint")}
      name="cnpj"
      value={value}
      onChange={(e) => onChange(maskCnpj(e.target.value))}
      onBlur={onBlur}
      error={error}
      placeholder="00.000.000/0000-00"
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      maxLength={CNPJ_MASKED_LENGTH}
      required
      className="[&_input]:font-mono"
    />
  );
}
