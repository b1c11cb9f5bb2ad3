"use client";
import { DEPLOYMENT_MODES } from "@opus/rules/enums";
import { HEALTH_STATUSES } from "@opus/rules/environment-health";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useFormatDay } from "@/hooks/use-format-day";
import { useUiLocale } from "@/hooks/use-ui-locale";
import { oneOf } from "@/lib/options";
import type { RouterInputs } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";
import { SelectField } from "../ui/select-field";
import { table } from "../ui/styles";
import { budgetMinutes, ruleKey } from "./health-labels";
import { HealthStatusBadge } from "./health-status-badge";
import { NotificationsCard } from "./notifications-card";
import { ReleaseComparison } from "./release-comparison";
import { WeeklyReportCard } from "./weekly-report-card";

type Filter = RouterInputs["health"]["fleet"];

/** Opus operations: which installations breach the thresholds or are about to. */
export function FleetHealthPage() {
  const t = useTranslations();
  const formatDay = useFormatDay();
  const number = new Intl.NumberFormat(useLocale());
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>({});
  const plans = useQuery(trpc.plans.find.queryOptions());
  const fleet = useQuery(trpc.health.fleet.queryOptions(filter, { refetchInterval: 30_000 }));
  const locale = useUiLocale();
  const notifications = useQuery(trpc.health.opsNotifications.queryOptions({ locale }, { refetchInterval: 30_000 }));
  const versions = (fleet.data?.releases ?? []).flatMap((r) => (r.version ? [r.version] : []));
  const any = t("health.filters.any");
  const columns = ["institution", "environment", "mode", "plan", "release", "status", "breaches", "budget", "burn"] as const;
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t("health.fleetTitle")}
        description={fleet.data ? t("health.fleetDescription", { day: formatDay(fleet.data.asOf) }) : undefined}
      />
      <search className="mb-3 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-4">
        <SelectField
          label={t("health.filters.status")}
          value={filter.status ?? ""}
          onChange={(e) => setFilter({ ...filter, status: oneOf(HEALTH_STATUSES, e.target.value) })}
          options={[{ value: "", label: any }, ...HEALTH_STATUSES.map((s) => ({ value: s, label: t(`health.status.${s}`) }))]}
        />
        <SelectField
          label={t("health.filters.mode")}
          value={filter.mode ?? ""}
          onChange={(e) => setFilter({ ...filter, mode: oneOf(DEPLOYMENT_MODES, e.target.value) })}
          options={[{ value: "", label: any }, ...DEPLOYMENT_MODES.map((m) => ({ value: m, label: t(`enums.deploymentMode.${m}`) }))]}
        />
        <SelectField
          label={t("health.filters.plan")}
          value={filter.planCode ?? ""}
          onChange={(e) => setFilter({ ...filter, planCode: e.target.value || undefined })}
          options={[{ value: "", label: any }, ...(plans.data ?? []).map((p) => ({ value: p.code, label: p.name }))]}
        />
        <SelectField
          label={t("health.filters.release")}
          value={filter.releaseVersion ?? ""}
          onChange={(e) => setFilter({ ...filter, releaseVersion: e.target.value || undefined })}
          options={[{ value: "", label: any }, ...versions.map((v) => ({ value: v, label: v }))]}
        />
      </search>
      {fleet.isError ? (
        <QueryError error={fleet.error} onRetry={() => void fleet.refetch()} />
      ) : (
        <DataTable
          caption={t("health.fleetTitle")}
          minWidth="lg"
          columns={columns.map((c) => ({ key: c, label: t(`health.columns.${c}`) }))}
          rows={fleet.data?.items}
          empty={<EmptyState title={t("health.fleetEmpty")} />}
          renderRow={(i) => (
            <tr key={i.environment.id} className={table.row} data-status={i.status}>
              <td className={`${table.td} font-medium`}>
                <Link
                  href={`/institutions/${i.institution.id}/health?environment=${i.environment.id}`}
                  className="text-brand-700 underline-offset-2 hover:text-brand-900 hover:underline"
                >
                  {i.institution.legalName}
                </Link>
              </td>
              <td className={table.td}>{t(`enums.environmentKind.${i.environment.kind}`)}</td>
              <td className={table.td}>{i.institution.deploymentMode ? t(`enums.deploymentMode.${i.institution.deploymentMode}`) : "—"}</td>
              <td className={table.td}>{i.institution.plan?.name ?? "—"}</td>
              <td className={`${table.td} font-mono text-xs`}>{i.environment.releaseVersion ?? "—"}</td>
              <td className={table.td}>
                <HealthStatusBadge status={i.status} />
              </td>
              <td className={`${table.td} text-xs`}>
                {i.breaches.length === 0 ? "—" : [...new Set(i.breaches.map((b) => t(`health.rules.${ruleKey(b.rule)}`)))].join(", ")}
              </td>
              <td className={`${table.td} tabular-nums`}>
                {i.budget ? t("health.minutes", { minutes: number.format(budgetMinutes(i.budget.remainingSeconds)) }) : "—"}
              </td>
              <td className={`${table.td} tabular-nums`}>{i.burnRate === null ? "—" : number.format(i.burnRate)}</td>
            </tr>
          )}
        />
      )}
      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        {fleet.data ? <ReleaseComparison releases={fleet.data.releases} /> : null}
        {notifications.data ? <NotificationsCard items={notifications.data} /> : null}
      </div>
      {fleet.data ? (
        <div className="mt-5">
          <WeeklyReportCard today={fleet.data.asOf} />
        </div>
      ) : null}
    </div>
  );
}
