"use client";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import { type AppErrorCode, appErrorCode } from "@/lib/app-error";
import { Alert } from "../ui/alert";

// Refusals whose API text says exactly why (the operation rules, the install bundle's conditions):
// shown word for word under the translated sentence, as the API wrote it (in English).
const EXPLAINED: readonly AppErrorCode[] = ["INVALID_TRANSITION", "PRECONDITION_FAILED", "CONFLICT"];

/** Why an operation request was refused, with the API's own reason when it gives one. */
export function RequestError({ error }: { error: unknown }) {
  const t = useTranslations("Provisioning.refusal");
  const errorMessage = useErrorMessage();
  const reason = EXPLAINED.includes(appErrorCode(error)) && error instanceof Error ? error.message : null;
  return (
    <Alert tone="error">
      <p className="font-medium">{errorMessage(error)}</p>
      {reason ? (
        <p className="mt-1">
          <span className="text-red-700">{t("reason")} </span>
          <span lang="en" data-testid="api-refusal">
            {reason}
          </span>
        </p>
      ) : null}
    </Alert>
  );
}
