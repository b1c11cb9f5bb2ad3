"use client";
import { isCertificateRefusal } from "@opus/rules/certificate-refusals";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import { appErrorReason } from "@/lib/app-error";
import { certificateRefusalMessage } from "./certificate-refusal-message";

/**
 * Why the API refused a certificate, in the person's language: worded from the refusal's code
 * (`@opus/rules/certificate-refusals`); any other failure reads as its error code does elsewhere.
 */
export function useCertificateError(): (error: unknown) => string {
  const t = useTranslations("certificates.refusals");
  const errorMessage = useErrorMessage();
  return (error) => {
    const reason = appErrorReason(error);
    return isCertificateRefusal(reason) ? certificateRefusalMessage(t, reason) : errorMessage(error);
  };
}
