"use client";
// Releases compared by the health of the environments that run them (health.fleet's `releases`).
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@/lib/router-types";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { table } from "../ui/styles";

type Row = RouterOutputs["health"]["fleet"]["releases"][number];

export function ReleaseComparison({ releases }: { releases: Row[] }) {
  const t = useTranslations("health.releases");
  const columns = ["version", "environments", "breaching", "atRisk", "breaches"] as const;
  return (
    <Card title={t("title")}>
      <p className="mb-2 text-sm text-slate-600">{t("hint")}</p>
      <DataTable
        caption={t("title")}
        testId="release-comparison"
        minWidth="sm"
        columns={columns.map((c) => ({ key: c, label: t(`columns.${c}`) }))}
        rows={releases}
        empty={<p className="text-sm text-slate-500">{t("empty")}</p>}
        renderRow={(r) => (
          <tr key={r.version ?? "unknown"} className={table.row}>
            <td className={`${table.td} font-mono text-xs`}>{r.version ?? t("unknown")}</td>
            <td className={`${table.td} tabular-nums`}>{r.environments}</td>
            <td className={`${table.td} tabular-nums`}>{r.breaching}</td>
            <td className={`${table.td} tabular-nums`}>{r.atRisk}</td>
            <td className={`${table.td} tabular-nums`}>{r.breaches}</td>
          </tr>
        )}
      />
    </Card>
  );
}
