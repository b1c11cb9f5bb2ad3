"use client";
import { useTranslations } from "next-intl";
import { DataTable } from "../ui/data-table";
import { table } from "../ui/styles";
import { BreachFigure } from "./breach-figure";
import { type Breach, ruleKey } from "./health-labels";

export function BreachesTable({ breaches }: { breaches: Breach[] }) {
  const t = useTranslations("health");
  return (
    <DataTable
      caption={t("breachesTitle")}
      frame="inset"
      columns={(["day", "rule", "endpoint", "figure"] as const).map((c) => ({ key: c, label: t(`columns.${c}`) }))}
      rows={breaches}
      empty={<p className="text-sm text-slate-500">{t("noBreaches")}</p>}
      renderRow={(b) => (
        <tr key={`${b.rule}-${b.endpoint}-${b.day}`} className={table.row} data-rule={b.rule}>
          <td className={`${table.td} whitespace-nowrap`}>{b.day}</td>
          <td className={table.td}>{t(`rules.${ruleKey(b.rule)}`)}</td>
          <td className={`${table.td} font-mono text-xs`}>{b.endpoint}</td>
          <td className={table.td}>
            <BreachFigure breach={b} />
          </td>
        </tr>
      )}
    />
  );
}
