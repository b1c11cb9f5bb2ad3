"use client";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { FailureDetail } from "./failure-detail";
import type { Operation } from "./provisioning-types";

/**
 * A run between attempts (queued again after a failure, until its backoff ends) or on a later
 * attempt: the previous attempt's engine error, and when the next one starts.
 */
export function RetryNotice({ run }: { run: Operation }) {
  const t = useTranslations("Provisioning.run");
  const format = useFormatter();
  const now = useNow({ updateInterval: 1_000 });
  if ((!run.error && !run.failureHidden) || run.attempt === 0) return null;
  let message: string;
  if (run.status === "QUEUED") {
    const scheduled = { attempt: run.attempt, max: run.maxAttempts };
    message =
      run.runAfter > now
        ? t("retrying", {
            ...scheduled,
            relative: format.relativeTime(run.runAfter, now),
            date: format.dateTime(run.runAfter, "time"),
          })
        : t("retryingNow", scheduled);
  } else if (run.status === "RUNNING") {
    message = t("retryRunning");
  } else {
    return null;
  }
  return (
    <section className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="retry-notice">
      <p className="text-sm font-medium text-amber-900" role="status">
        {message}
      </p>
      <FailureDetail run={run} customerText={t("retryingCustomer")} className="text-sm text-amber-900" />
    </section>
  );
}
