"use client";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { currentBillingMonth, monthLabel } from "@/lib/billing-month";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { QueryError } from "../ui/query-error";
import { table } from "../ui/styles";
import { ReportDownloads } from "./report-downloads";
import { ReportLines } from "./report-lines";
import { UsageCharts } from "./usage-charts";
import { useBrl } from "./use-brl";

/** Refreshes while the page is open: accepted events are in the rollups within a second. */
const LIVE_MS = 5_000;

/** The Usage tab: this month's daily usage per meter, its draft report, and the institution's reports. */
export function UsagePage({ institutionId }: { institutionId: string }) {
  const t = useTranslations("usage");
  const locale = useLocale();
  const trpc = useTRPC();
  const me = useCurrentMe();
  const brl = useBrl();
  const month = currentBillingMonth();
  const readReports = can(me, "reports.read", institutionId);
  const daily = useQuery(trpc.usage.daily.queryOptions({ institutionId, month }, { refetchInterval: LIVE_MS }));
  const draft = useQuery(trpc.billing.report.queryOptions({ institutionId, month }, { enabled: readReports, refetchInterval: LIVE_MS }));
  const reports = useQuery(trpc.billing.reports.queryOptions({ institutionId }, { enabled: readReports }));
  return (
    <div className="space-y-6">
      <section aria-labelledby="usage-heading" className="space-y-2">
        <h2 id="usage-heading" className="text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("description", { month: monthLabel(month, locale) })}</p>
        {daily.isError ? (
          <QueryError error={daily.error} onRetry={() => void daily.refetch()} />
        ) : daily.data ? (
          <UsageCharts daily={daily.data} />
        ) : null}
      </section>
      {readReports ? (
        <>
          <Card
            title={t("draftTitle", { month: monthLabel(month, locale) })}
            actions={draft.data ? <ReportDownloads institutionId={institutionId} month={month} /> : null}
          >
            <p className="mb-3 text-sm text-slate-600">{t("draftHint")}</p>
            {draft.isError ? (
              <QueryError error={draft.error} onRetry={() => void draft.refetch()} />
            ) : draft.data ? (
              <ReportLines content={draft.data.content} />
            ) : null}
          </Card>
          <Card title={t("reportsTitle")}>
            {reports.isError ? (
              <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
            ) : reports.data?.length === 0 ? (
              <EmptyState title={t("noReports")} />
            ) : (
              <DataTable
                caption={t("reportsTitle")}
                columns={[
                  { key: "month", label: t("columns.month") },
                  { key: "status", label: t("columns.status") },
                  { key: "total", label: t("columns.total"), align: "right" as const },
                  { key: "exports", label: t("columns.exports") },
                ]}
                rows={reports.data}
                empty={null}
                renderRow={(r) => (
                  <tr key={r.month} className={table.row}>
                    <td className={table.td}>{monthLabel(r.month, locale)}</td>
                    <td className={table.td}>
                      <Badge tone={r.status === "FINALIZED" ? "success" : "info"}>
                        {t(`status.${r.status}`)}
                        {r.phase ? ` · ${t(`phase.${r.phase}`)}` : ""}
                      </Badge>
                    </td>
                    <td className={`${table.td} text-right tabular-nums`}>{brl(r.totalCentavos)}</td>
                    <td className={table.td}>
                      <ReportDownloads institutionId={institutionId} month={r.month} label={monthLabel(r.month, locale)} />
                    </td>
                  </tr>
                )}
              />
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}
