"use client";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import { appErrorCode, appErrorFieldMap } from "@/lib/app-error";

type Rule = { pattern: RegExp; message: (m: RegExpExecArray) => string };

/**
 * Why the API refused a certificate, in the person's language. The API reports every certificate
 * problem on the `pem` field with a precise English sentence; the known ones are translated here
 * (keeping the values they name), and anything new is shown as the API wrote it.
 */
export function useCertificateError(): (error: unknown) => string {
  const t = useTranslations("certificates.errors");
  const errorMessage = useErrorMessage();
  const unquote = (value: string) => value.replace(/^"|"$/g, "");
  const rules: Rule[] = [
    { pattern: /^Private keys must never be uploaded/, message: () => t("privateKey") },
    {
      pattern: /belongs to another organisation: its subject has (.+), but this institution's is "(.+)"\./,
      message: (m) =>
        t("otherOrganisation", { found: m[1] === "no organizationIdentifier" ? t("nothing") : unquote(m[1] ?? ""), expected: m[2] ?? "" }),
    },
    {
      pattern: /was issued to (.+), not to this institution's CNPJ (.+)\.$/,
      message: (m) => t("cnpjMismatch", { found: m[1]?.startsWith("CNPJ ") ? m[1].slice(5) : t("nothing"), expected: m[2] ?? "" }),
    },
    { pattern: /expired on (\d{4}-\d{2}-\d{2})/, message: (m) => t("expired", { date: m[1] ?? "" }) },
    { pattern: /^A BRCAC transport certificate must allow/, message: () => t("notClientAuth") },
    { pattern: /^A BRSEAL signing certificate must have/, message: () => t("notNonRepudiation") },
    { pattern: /^Paste exactly one certificate: this text contains (\d+)/, message: (m) => t("chain", { count: Number(m[1]) }) },
    { pattern: /also contains a "(.+)" block/, message: (m) => t("otherBlock", { label: m[1] ?? "" }) },
    { pattern: /^No certificate found/, message: () => t("noCertificate") },
    { pattern: /^The certificate could not be read/, message: () => t("unreadable") },
  ];
  return (error) => {
    const code = appErrorCode(error);
    if (code === "CONFLICT") return t("duplicate");
    if (code === "PRECONDITION_FAILED") return t("identityMissing");
    const text = appErrorFieldMap(error).pem;
    if (!text) return errorMessage(error);
    for (const rule of rules) {
      const match = rule.pattern.exec(text);
      if (match) return rule.message(match);
    }
    return text;
  };
}
