"use client";
import { driftState } from "@opus/rules/environment-operations";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "../ui/badge";
import { FailureDetail } from "./failure-detail";
import { runPath } from "./provisioning-paths";
import type { EnvironmentRow } from "./provisioning-types";

/**
 * Whether the live infrastructure still matches the last deploy, as of the last drift check; when
 * the latest check failed, that (and why) rather than an older check's verdict.
 */
export function DriftStatus({ environment, institutionId }: { environment: EnvironmentRow; institutionId: string }) {
  const t = useTranslations("Provisioning.environment");
  const format = useFormatter();
  const state = driftState(environment);
  const check = environment.latestCheck;
  if (state === "check-failed" && check) {
    return (
      <span className="flex flex-col items-start gap-1" data-testid="drift-status">
        <Badge tone="danger">{t("checkFailed")}</Badge>
        <span>{t("checkFailedAt", { date: format.dateTime(check.createdAt, "dateTime") })}</span>
        <FailureDetail run={check} customerText={t("checkFailedCustomer")} />
        <Link href={runPath(institutionId, check.id)} className="text-brand-700 underline hover:text-brand-900">
          {t("openCheck")}
        </Link>
      </span>
    );
  }
  if (state === "drift" && environment.driftDetectedAt) {
    return (
      <span className="flex flex-col items-start gap-1" data-testid="drift-status">
        <Badge tone="warning">{t("drift")}</Badge>
        <span>{t("driftDetected", { date: format.dateTime(environment.driftDetectedAt, "dateTime") })}</span>
      </span>
    );
  }
  const text = { "no-drift": t("noDrift"), checking: t("checking"), "never-checked": t("neverChecked") }[state as string] ?? "";
  return <span data-testid="drift-status">{text}</span>;
}
