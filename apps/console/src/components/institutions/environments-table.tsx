"use client";
import { useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";
import { EnvironmentLink } from "../provisioning/environment-link";
import { Card } from "../ui/card";
import { table } from "../ui/styles";
import { EnvironmentStatusBadge } from "./environment-status-badge";

export function EnvironmentsTable({ environments }: { environments: InstitutionDetail["environments"] }) {
  const t = useTranslations();
  const dash = <span className="text-slate-400">—</span>;
  return (
    <Card title={t("institution.environments.title")}>
      {environments.length === 0 ? (
        <p className="text-sm text-slate-500">{t("institution.environments.none")}</p>
      ) : (
        <div className="-m-4 overflow-x-auto">
          <table className={table.table}>
            <thead>
              <tr>
                <th scope="col" className={table.th}>
                  {t("institution.environments.environment")}
                </th>
                <th scope="col" className={table.th}>
                  {t("institution.environments.status")}
                </th>
                <th scope="col" className={table.th}>
                  {t("institution.environments.release")}
                </th>
                <th scope="col" className={table.th}>
                  {t("institution.environments.cluster")}
                </th>
                <th scope="col" className={table.th}>
                  {t("institution.environments.stack")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {environments.map((env) => (
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
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
