"use client";
import { formatBrl } from "@opus/rules/brl";
import { DEPLOYMENT_MODES } from "@opus/rules/enums";
import { useLocale, useTranslations } from "next-intl";
import { currentBillingMonth, monthLabel } from "@/lib/billing-month";
import type { RouterOutputs } from "@/lib/router-types";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { table } from "../ui/styles";
import { useMeterName } from "../usage/use-meter-name";

type Version = RouterOutputs["billing"]["planPrices"][number];

/** In force: the latest version from a month already begun. Scheduled: from a month still ahead. */
function stateOf(version: Version, versions: readonly Version[], current: string) {
  if (version.effectiveMonth > current) return "scheduled" as const;
  const inForce = versions.find((v) => v.effectiveMonth <= current);
  return inForce?.id === version.id ? ("inForce" as const) : ("superseded" as const);
}

type Props = {
  planName: string;
  versions: readonly Version[] | undefined;
  meterNames: Readonly<Record<string, string>>;
  onStartFrom?: (version: Version) => void;
};

export function PriceVersionsTable({ planName, versions, meterNames, onStartFrom }: Props) {
  const t = useTranslations("planPrices");
  const locale = useLocale() === "pt-BR" ? "pt-BR" : "en";
  const meterName = useMeterName();
  const current = currentBillingMonth();
  const tone = { inForce: "success", scheduled: "info", superseded: "muted" } as const;
  return (
    <DataTable
      caption={t("versionsCaption", { plan: planName })}
      testId="price-versions"
      minWidth="lg"
      columns={[
        { key: "effective", label: t("columns.effective") },
        { key: "state", label: t("columns.state") },
        { key: "base", label: t("columns.base") },
        { key: "meters", label: t("columns.meters") },
        onStartFrom ? { key: "actions", label: t("columns.actions"), srOnly: true } : null,
      ]}
      rows={versions}
      empty={<EmptyState title={t("noVersions")} />}
      renderRow={(version) => {
        const state = stateOf(version, versions ?? [], current);
        const month = monthLabel(version.effectiveMonth, locale);
        return (
          <tr key={version.id} className={table.row}>
            <td className={`${table.td} font-medium whitespace-nowrap`}>{month}</td>
            <td className={table.td}>
              <Badge tone={tone[state]}>{t(state)}</Badge>
            </td>
            <td className={`${table.td} tabular-nums whitespace-nowrap`}>
              {DEPLOYMENT_MODES.map((mode) => formatBrl(version.spec.baseFees[mode], locale)).join(" / ")}
            </td>
            <td className={table.td}>
              <ul className="space-y-0.5 text-xs text-slate-700">
                {Object.entries(version.spec.meters).map(([code, price]) => (
                  <li key={code}>
                    {t("meterSummary", {
                      meter: meterName(code, meterNames[code] ?? code),
                      model: t(`model.${price.model}`),
                      included: price.included,
                    })}
                  </li>
                ))}
              </ul>
            </td>
            {onStartFrom ? (
              <td className={`${table.td} text-right`}>
                <Button variant="ghost" onClick={() => onStartFrom(version)} aria-label={t("startFromNamed", { month })}>
                  {t("startFrom")}
                </Button>
              </td>
            ) : null}
          </tr>
        );
      }}
    />
  );
}
