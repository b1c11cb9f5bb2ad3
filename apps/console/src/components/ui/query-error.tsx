"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import { appErrorCode, isRetryable } from "@/lib/app-error";
import { signInPath } from "@/lib/safe-next-path";
import { Button } from "./button";

/**
 * The error state of a screen whose data could not be loaded. An ended session offers sign-in instead
 * of a retry; a refusal (no permission, not found, bad input) offers nothing, as trying again cannot help.
 */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useTranslations("common");
  const message = useErrorMessage();
  const pathname = usePathname();
  const signedOut = appErrorCode(error) === "UNAUTHENTICATED";
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-4 text-sm text-red-800">
      <p className="font-medium">{t("loadFailed")}</p>
      <p className="mt-0.5">{message(error)}</p>
      {signedOut ? (
        <Link href={signInPath(pathname)} className="mt-3 inline-block font-medium text-red-900 underline">
          {t("signInAgain")}
        </Link>
      ) : onRetry && isRetryable(error) ? (
        <Button className="mt-3" onClick={onRetry}>
          {t("retry")}
        </Button>
      ) : null}
    </div>
  );
}
