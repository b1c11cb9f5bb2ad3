"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useFormatDay } from "@/hooks/use-format-day";
import { useUiLocale } from "@/hooks/use-ui-locale";
import { useTRPC } from "@/lib/trpc";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { StatTile } from "../ui/stat-tile";
import { table } from "../ui/styles";
import { AvailabilityChart } from "./availability-chart";
import { BreachesTable } from "./breaches-table";
import { budgetMinutes, type EnvironmentHealth } from "./health-labels";
import { HealthStatusBadge } from "./health-status-badge";
import { LatencyChart } from "./latency-chart";
import { NotificationsCard } from "./notifications-card";
import { RuleSources } from "./rule-sources";
import { WeeklyReportCard } from "./weekly-report-card";

/** The Health tab: one environment (chosen among the institution's) against the thresholds. */
export function EnvironmentHealthPage({ institutionId, environmentId }: { institutionId: string; environmentId?: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const number = new Intl.NumberFormat(useLocale());
  const trpc = useTRPC();
  const institution = useQuery(trpc.institutions.get.queryOptions({ institutionId }));
  const environments = (institution.data?.environments ?? []).filter((e) => e.status !== "DESTROYED");
  const chosen = environments.find((e) => e.id === environmentId) ?? environments.find((e) => e.kind === "PRODUCTION") ?? environments[0];
  const health = useQuery(
    trpc.health.environment.queryOptions(
      { institutionId, environmentId: chosen?.id ?? "" },
      { enabled: Boolean(chosen), refetchInterval: 30_000 },
    ),
  );
  const locale = useUiLocale();
  const notifications = useQuery(trpc.health.notifications.queryOptions({ institutionId, locale }, { refetchInterval: 30_000 }));
  if (institution.isError) return <QueryError error={institution.error} onRetry={() => void institution.refetch()} />;
  if (!institution.data) return <PageLoading />;
  if (!chosen) return <EmptyState title={t("health.noEnvironments")} />;
  return (
    <div className="space-y-5">
      <nav aria-label={t("health.environments")} className="flex flex-wrap gap-2">
        {environments.map((e) => (
          <Link
            key={e.id}
            href={`/institutions/${institutionId}/health?environment=${e.id}`}
            aria-current={e.id === chosen.id ? "page" : undefined}
            className={`rounded-full px-3 py-1 text-sm ring-1 ring-inset ${e.id === chosen.id ? "bg-brand-50 font-medium text-brand-800 ring-brand-300" : "text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          >
            {t(`enums.environmentKind.${e.kind}`)}
          </Link>
        ))}
      </nav>
      {health.isError ? (
        <QueryError error={health.error} onRetry={() => void health.refetch()} />
      ) : !health.data ? (
        <PageLoading />
      ) : (
        <HealthBody data={health.data} format={format} number={number} />
      )}
      {health.data ? <WeeklyReportCard institutionId={institutionId} today={health.data.health.asOf} /> : null}
      {notifications.data ? <NotificationsCard items={notifications.data} /> : null}
    </div>
  );
}

function HealthBody({
  data,
  format,
  number,
}: {
  data: EnvironmentHealth;
  format: ReturnType<typeof useFormatter>;
  number: Intl.NumberFormat;
}) {
  const t = useTranslations("health");
  const formatDay = useFormatDay();
  const h = data.health;
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-base font-semibold text-slate-900">{t("environmentTitle")}</h2>
        <span data-testid="health-status">
          <HealthStatusBadge status={h.status} />
        </span>
        <span className="text-sm text-slate-600">
          {data.lastReportAt ? t("lastReport", { when: format.dateTime(new Date(data.lastReportAt), "dateTime") }) : t("neverReported")}
          {" · "}
          {t("asOf", { day: formatDay(h.asOf) })}
        </span>
      </div>
      {h.status === "NO_DATA" ? (
        <EmptyState title={t("noData")}>{t("noDataHint")}</EmptyState>
      ) : (
        <>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <StatTile
              label={t("windowAvailability")}
              value={h.budget?.availabilityPercent ? `${h.budget.availabilityPercent}%` : "—"}
              hint={h.budget ? t("coverage", { covered: h.budget.coveredDays, days: h.budget.windowDays }) : undefined}
              tone={h.budget?.passed === false ? "danger" : "neutral"}
            />
            <StatTile
              label={t("budgetLeft")}
              value={h.budget ? t("minutes", { minutes: number.format(budgetMinutes(h.budget.remainingSeconds)) }) : "—"}
              hint={
                h.budget
                  ? t("budgetHint", { allowed: number.format(budgetMinutes(h.budget.allowedSeconds)), endpoint: h.budget.endpoint })
                  : undefined
              }
              tone={h.budget && h.budget.remainingSeconds < 0 ? "danger" : "neutral"}
            />
            <StatTile
              label={t("burnRate")}
              value={h.fastestBurn?.burnRate !== null && h.fastestBurn ? number.format(h.fastestBurn.burnRate ?? 0) : "—"}
              hint={t("burnHint", { days: data.rules.burnRate.lookbackDays })}
              tone={h.fastestBurn?.fastBurn ? "attention" : "neutral"}
            />
            <StatTile
              label={t("breachCount")}
              value={number.format(h.currentBreaches.length)}
              hint={t("breachHint")}
              tone={h.currentBreaches.length > 0 ? "danger" : "neutral"}
            />
          </div>
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <AvailabilityChart data={data} />
            <LatencyChart data={data} />
          </div>
          <Card title={t("breachesTitle")}>
            <BreachesTable breaches={h.breaches} />
          </Card>
          <Card title={t("endpointsTitle")}>
            <DataTable
              caption={t("endpointsTitle")}
              frame="inset"
              minWidth="lg"
              columns={(["endpoint", "class", "window", "budget", "burn", "latestLatency"] as const).map((c) => ({
                key: c,
                label: t(`columns.${c}`),
              }))}
              rows={h.endpoints}
              empty={<p className="text-sm text-slate-500">{t("noEndpoints")}</p>}
              renderRow={(e) => (
                <tr key={e.endpoint} className={table.row}>
                  <td className={`${table.td} font-mono text-xs`}>{e.endpoint}</td>
                  <td className={table.td}>{e.endpointClass ? t(`classes.${e.endpointClass}`) : t("unclassified")}</td>
                  <td className={table.td}>{e.window.availabilityPercent ? `${e.window.availabilityPercent}%` : "—"}</td>
                  <td className={table.td}>{t("minutes", { minutes: number.format(budgetMinutes(e.window.remainingSeconds)) })}</td>
                  <td className={table.td}>{e.burn.burnRate === null ? "—" : number.format(e.burn.burnRate)}</td>
                  <td className={table.td}>
                    {e.latest?.latency.p95Ms != null
                      ? t("p95Value", { value: number.format(e.latest.latency.p95Ms) })
                      : t("averageValue", { value: number.format(e.latest?.latency.averageMs ?? 0) })}
                  </td>
                </tr>
              )}
            />
          </Card>
        </>
      )}
      <RuleSources rules={data.rules} />
    </>
  );
}
