"use client";
import { formatCnpj } from "@opus/rules/cnpj";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { RouterOutputs } from "@/lib/router-types";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
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

export function InstitutionsTable({ items, query, onSort, loading, refreshing }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const sortProps = {
    sort: query.sort,
    direction: query.direction,
    onSort: (sort: InstitutionQueryState["sort"], direction: "asc" | "desc") => onSort({ sort, direction }),
  };

  const column = (key: string, label: string) => ({ key, label });
  return (
    <DataTable
      caption={t("institutions.title")}
      minWidth="lg"
      columns={[
        {
          key: "legalName",
          label: "",
          header: <SortHeader label={t("institutions.columns.institution")} field="legalName" {...sortProps} />,
        },
        column("cnpj", t("institutions.columns.cnpj")),
        { key: "status", label: "", header: <SortHeader label={t("institutions.columns.status")} field="status" {...sortProps} /> },
        column("mode", t("institutions.columns.mode")),
        column("roles", t("institutions.columns.roles")),
        column("plan", t("institutions.columns.plan")),
        { key: "environments", label: t("institutions.columns.environments"), align: "right" },
        { key: "createdAt", label: "", header: <SortHeader label={t("institutions.columns.created")} field="createdAt" {...sortProps} /> },
      ]}
      rows={items}
      loading={loading}
      loadingRows={4}
      refreshing={refreshing}
      empty={<EmptyState title={t("institutions.empty.title")}>{t("institutions.empty.hint")}</EmptyState>}
      renderRow={(item) => (
        <tr key={item.id} className={table.row}>
          <td className={table.td}>
            <Link href={`/institutions/${item.id}`} className="font-medium text-brand-700 hover:underline">
              {item.legalName}
            </Link>
            {item.tradeName ? <p className="text-xs text-slate-500">{item.tradeName}</p> : null}
          </td>
          <td className={`${table.td} font-mono text-xs whitespace-nowrap`}>{item.cnpj ? formatCnpj(item.cnpj) : "—"}</td>
          <td className={table.td}>
            <InstitutionStatusBadge status={item.status} setupFailed={item.setupFailed} />
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
      )}
    />
  );
}
