"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "../ui/badge";
import type { EnvironmentRow } from "./provisioning-types";

/** Whether the live infrastructure still matches the last deploy, as of the last drift check. */
export function DriftStatus({ environment }: { environment: EnvironmentRow }) {
  const t = useTranslations("Provisioning.environment");
  const format = useFormatter();
  if (environment.driftDetectedAt) {
    return (
      <span className="flex flex-col items-start gap-1">
        <Badge tone="warning">{t("drift")}</Badge>
        <span>{t("driftDetected", { date: format.dateTime(environment.driftDetectedAt, "dateTime") })}</span>
      </span>
    );
  }
  return <span>{environment.lastRefreshAt ? t("noDrift") : t("neverChecked")}</span>;
}
