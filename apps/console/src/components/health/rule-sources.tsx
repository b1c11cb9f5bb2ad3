"use client";
import { useTranslations } from "next-intl";
import type { EnvironmentHealth } from "./health-labels";

/** Which rules the page judges by, and where each comes from. */
export function RuleSources({ rules }: { rules: EnvironmentHealth["rules"] }) {
  const t = useTranslations("health");
  const items = [
    { label: t("rules.availability_daily"), source: rules.dailyAvailability.source },
    { label: t("rules.availability_window"), source: rules.windowAvailability.source },
    { label: t("rules.scheduledOutage"), source: rules.scheduledOutageCounts.source },
    { label: t("rules.latency_p95"), source: rules.latency.source },
    { label: t("rules.availability_burn"), source: rules.burnRate.source },
  ];
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
      <summary className="cursor-pointer font-medium text-slate-800">{t("sourcesTitle", { version: rules.version })}</summary>
      <ul className="mt-2 space-y-1 text-slate-600">
        {items.map((i) => (
          <li key={i.label}>
            <span className="font-medium text-slate-800">{i.label}</span>: {i.source.document}, {i.source.section}
            {i.source.note ? ` (${i.source.note})` : ""}
          </li>
        ))}
      </ul>
    </details>
  );
}
