"use client";
import { useTranslations } from "next-intl";
import { table } from "../ui/styles";
import { BreachFigure } from "./breach-figure";
import { type Breach, ruleKey } from "./health-labels";

export function BreachesTable({ breaches }: { breaches: Breach[] }) {
  const t = useTranslations("health");
  if (breaches.length === 0) return <p className="text-sm text-slate-500">{t("noBreaches")}</p>;
  return (
    <div className="-m-4 overflow-x-auto">
      <table className={table.table}>
        <thead>
          <tr>
            {(["day", "rule", "endpoint", "figure"] as const).map((c) => (
              <th key={c} scope="col" className={table.th}>
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {breaches.map((b) => (
            <tr key={`${b.rule}-${b.endpoint}-${b.day}`} className={table.row} data-rule={b.rule}>
              <td className={`${table.td} whitespace-nowrap`}>{b.day}</td>
              <td className={table.td}>{t(`rules.${ruleKey(b.rule)}`)}</td>
              <td className={`${table.td} font-mono text-xs`}>{b.endpoint}</td>
              <td className={table.td}>
                <BreachFigure breach={b} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
