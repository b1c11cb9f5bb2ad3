"use client";
import { useTranslations } from "next-intl";
import { TextField } from "../ui/text-field";

/** Six digits from an authenticator app; browsers and password managers may fill it in. */
export function TotpCodeField() {
  const t = useTranslations("auth.totp");
  return (
    <TextField
      label={t("code")}
      hint={t("codeHint")}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]{6,7}"
      maxLength={7}
      required
      autoFocus
      className="[&_input]:font-mono [&_input]:text-lg [&_input]:tracking-[0.3em]"
    />
  );
}
