"use client";
import { useTranslations } from "next-intl";
import { Alert } from "../ui/alert";
import { EngineError } from "./engine-error";
import { FailureDetail } from "./failure-detail";
import type { Operation } from "./provisioning-types";

/** How a finished run ended: when it failed, the engine's error verbatim for Opus staff, what Opus does about it for customers. */
export function RunOutcome({ run }: { run: Operation }) {
  const t = useTranslations("Provisioning.run");
  if (run.status === "FAILED") {
    return (
      <section aria-labelledby="run-failed-heading" className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-4" role="alert">
        <h2 id="run-failed-heading" className="text-sm font-semibold text-red-900">
          {t("failedTitle")}
        </h2>
        {run.error ? <p className="text-sm text-red-900">{t("failedBody")}</p> : null}
        <FailureDetail run={run} customerText={t("failedBodyCustomer")} className="text-sm text-red-900" />
      </section>
    );
  }
  if (run.status === "CANCELLED") {
    return (
      <Alert tone="info">
        <p className="font-medium">{t("cancelledTitle")}</p>
        {run.error ? <EngineError text={run.error} /> : null}
      </Alert>
    );
  }
  if (run.status === "SUCCEEDED") return <Alert tone="success">{t("succeeded")}</Alert>;
  return null;
}
