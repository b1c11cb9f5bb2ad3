"use client";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";

/** The sentence above a step's fields: a client check failed, or the API refused the save. */
export function useStepError() {
  const t = useTranslations("onboarding");
  const errorMessage = useErrorMessage();
  return (clientInvalid: boolean, serverError: unknown): string | null => {
    if (serverError) return errorMessage(serverError, { CONFLICT: t("checkFields"), INVALID_TRANSITION: t("notEditable") });
    return clientInvalid ? t("checkFields") : null;
  };
}
