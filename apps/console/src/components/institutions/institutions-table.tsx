"use client";
import { formatCnpj } from "@opus/rules/cnpj";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { RouterOutputs } from "@/lib/router-types";
import { EmptyState } from "../ui/empty-state";
import { LoadingRows } from "../ui/loading-rows";
import { SortHeader } from "../ui/sort-header";
import { table } from "../ui/styles";
import { InstitutionStatusBadge } from "./institution-status-badge";
import { RegulatoryRoles } from "./regulatory-roles";
import type { InstitutionQueryState } from "./use-institution-query";

type Props = {
  items: RouterOutputs["institutions"]["find"]["items"] | undefined;
  query: InstitutionQueryState;
  onSort: (changes: Partial<InstitutionQueryState>) => void;
  loading: boolean;
  refreshing: boolean;
};

const COLUMNS = 8;

export function InstitutionsTable({ items, query, onSort, loading, refreshing }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const sortProps = {
    sort: query.sort,
    direction: query.direction,
    onSort: (sort: InstitutionQueryState["sort"], direction: "asc" | "desc") => onSort({ sort, direction }),
  };

  if (items && items.length === 0) {
    return <EmptyState title={t("institutions.empty.title")}>{t("institutions.empty.hint")}</EmptyState>;
  }
  return (
    <div className={`${table.wrapper} transition-opacity ${refreshing ? "opacity-60" : ""}`} aria-busy={loading || refreshing}>
      <table className={table.table}>
        <caption className="sr-only">{t("institutions.title")}</caption>
        <thead>
          <tr>
            <SortHeader label={t("institutions.columns.institution")} field="legalName" {...sortProps} />
            <th scope="col" className={table.th}>
              {t("institutions.columns.cnpj")}
            </th>
            <SortHeader label={t("institutions.columns.status")} field="status" {...sortProps} />
            <th scope="col" className={table.th}>
              {t("institutions.columns.mode")}
            </th>
            <th scope="col" className={table.th}>
              {t("institutions.columns.roles")}
            </th>
            <th scope="col" className={table.th}>
              {t("institutions.columns.plan")}
            </th>
            <th scope="col" className={`${table.th} text-right`}>
              {t("institutions.columns.environments")}
            </th>
            <SortHeader label={t("institutions.columns.created")} field="createdAt" {...sortProps} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {loading || !items ? (
            <LoadingRows columns={COLUMNS} />
          ) : (
            items.map((item) => (
              <tr key={item.id} className={table.row}>
                <td className={table.td}>
                  <Link href={`/institutions/${item.id}`} className="font-medium text-brand-700 hover:underline">
                    {item.legalName}
                  </Link>
                  {item.tradeName ? <p className="text-xs text-slate-500">{item.tradeName}</p> : null}
                </td>
                <td className={`${table.td} font-mono text-xs whitespace-nowrap`}>{item.cnpj ? formatCnpj(item.cnpj) : "—"}</td>
                <td className={table.td}>
                  <InstitutionStatusBadge status={item.status} />
                </td>
                <td className={`${table.td} whitespace-nowrap`}>
                  {item.deploymentMode ? t(`enums.deploymentMode.${item.deploymentMode}`) : "—"}
                </td>
                <td className={table.td}>
                  <RegulatoryRoles roles={item.roles} />
                </td>
                <td className={table.td}>{item.plan?.name ?? "—"}</td>
                <td className={`${table.td} text-right tabular-nums`}>{format.number(item._count.environments)}</td>
                <td className={`${table.td} whitespace-nowrap`}>{format.dateTime(item.createdAt, "date")}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
