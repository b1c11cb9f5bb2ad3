"use client";
import { useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";
import { EnvironmentLink } from "../provisioning/environment-link";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { table } from "../ui/styles";
import { EnvironmentStatusBadge } from "./environment-status-badge";

const COLUMNS = ["environment", "status", "release", "cluster", "stack"] as const;

export function EnvironmentsTable({ environments }: { environments: InstitutionDetail["environments"] }) {
  const t = useTranslations();
  const dash = <span className="text-slate-500">—</span>;
  return (
    <Card title={t("institution.environments.title")}>
      <DataTable
        caption={t("institution.environments.title")}
        frame="inset"
        columns={COLUMNS.map((column) => ({ key: column, label: t(`institution.environments.${column}`) }))}
        rows={environments}
        empty={<p className="text-sm text-slate-600">{t("institution.environments.none")}</p>}
        renderRow={(env) => (
          <tr key={env.id} className={table.row}>
            <td className={`${table.td} font-medium`}>
              <EnvironmentLink environmentId={env.id}>{t(`enums.environmentKind.${env.kind}`)}</EnvironmentLink>
            </td>
            <td className={table.td}>
              <EnvironmentStatusBadge status={env.status} />
            </td>
            <td className={`${table.td} font-mono text-xs`}>{env.releaseVersion ?? dash}</td>
            <td className={`${table.td} text-xs`}>
              {env.cluster ?? dash}
              {env.namespace ? <span className="block font-mono text-slate-500">{env.namespace}</span> : null}
            </td>
            <td className={`${table.td} font-mono text-xs`}>{env.stackName}</td>
          </tr>
        )}
      />
    </Card>
  );
}
