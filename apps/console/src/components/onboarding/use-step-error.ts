"use client";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import { serverFieldErrors } from "./field-errors";

// A CONFLICT on a field is a value another institution already holds: said as that, in the
// sentence the field shows (the API words it the same way), not as "some information is not valid".
const TAKEN = ["cnpjTaken", "organisationIdTaken"] as const;

/** The sentence above a step's fields: a client check failed, or the API refused the save. */
export function useStepError() {
  const t = useTranslations("onboarding");
  const errorMessage = useErrorMessage();
  return (clientInvalid: boolean, serverError: unknown): string | null => {
    if (serverError) {
      const taken = Object.values(serverFieldErrors(serverError)).find((key) => TAKEN.some((k) => k === key));
      return errorMessage(serverError, {
        ...(taken ? { CONFLICT: t(`errors.${taken}`) } : {}),
        BAD_INPUT: t("checkFields"),
        INVALID_TRANSITION: t("notEditable"),
      });
    }
    return clientInvalid ? t("checkFields") : null;
  };
}
