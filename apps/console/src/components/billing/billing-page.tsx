"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { currentBillingMonth, monthLabel, shiftMonth } from "@/lib/billing-month";
import { downloadFile } from "@/lib/download-file";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { DataTable } from "../ui/data-table";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";
import { SelectField } from "../ui/select-field";
import { table } from "../ui/styles";
import { ReportDownloads } from "../usage/report-downloads";
import { useBrl } from "../usage/use-brl";
import { AdjustmentsPanel } from "./adjustments-panel";
import { BillingSections } from "./billing-sections";

const STATUSES = ["", "DRAFT", "FINALIZED"] as const;

/** Opus billing: every institution's report for a month (this month: the fleet's month to date), finalize, export, adjust. */
export function BillingPage() {
  const t = useTranslations("billing");
  const tu = useTranslations("usage");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const brl = useBrl();
  const me = useCurrentMe();
  const manage = can(me, "billing.manage");
  const current = currentBillingMonth();
  const [month, setMonth] = useState(current);
  const [status, setStatus] = useState<(typeof STATUSES)[number]>("");
  const [finalizing, setFinalizing] = useState<{ institutionId: string; name: string } | null>(null);
  const fleet = useQuery(trpc.billing.fleet.queryOptions({ month, ...(status ? { status } : {}) }));
  const finalize = useMutation(
    trpc.billing.finalize.mutationOptions({
      onSuccess: async () => {
        setFinalizing(null);
        await queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() });
      },
    }),
  );
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(current, -i));
  const total = (fleet.data ?? []).reduce((sum, r) => sum + r.content.totalCentavos, 0);

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <BillingSections />
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label={t("month")}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          options={months.map((m) => ({ value: m, label: monthLabel(m, locale) }))}
          className="w-56"
        />
        <SelectField
          label={t("status")}
          value={status}
          onChange={(e) => setStatus(e.target.value as (typeof STATUSES)[number])}
          options={STATUSES.map((s) => ({ value: s, label: s ? tu(`status.${s}`) : t("allStatuses") }))}
          className="w-44"
        />
        <Button
          onClick={async () =>
            downloadFile(await queryClient.fetchQuery(trpc.billing.exportFleet.queryOptions({ month }, { staleTime: 0 })))
          }
        >
          {t("exportFleet")}
        </Button>
      </div>
      {fleet.isError ? (
        <QueryError error={fleet.error} onRetry={() => void fleet.refetch()} />
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-slate-700" data-testid="fleet-total">
            {t("fleetTotal", { count: fleet.data?.length ?? 0, total: brl(total) })}
          </p>
          <DataTable
            caption={t("title")}
            columns={(["institution", "status", "base", "usage", "total", "actions"] as const).map((c) => ({
              key: c,
              label: t(`columns.${c}`),
              ...(["base", "usage", "total"].includes(c) ? { align: "right" as const } : {}),
            }))}
            rows={fleet.data}
            minWidth="lg"
            empty={null}
            renderRow={(r) => (
              <tr key={r.content.institution.id} className={table.row} data-institution={r.content.institution.legalName}>
                <td className={table.td}>{r.content.institution.legalName}</td>
                <td className={table.td}>
                  <Badge tone={r.status === "FINALIZED" ? "success" : "info"} title={r.contentSha256 ?? undefined}>
                    {tu(`status.${r.status}`)}
                    {r.phase ? ` · ${tu(`phase.${r.phase}`)}` : ""}
                  </Badge>
                </td>
                <td className={`${table.td} text-right tabular-nums`}>{brl(r.content.baseFeeCentavos)}</td>
                <td className={`${table.td} text-right tabular-nums`}>{brl(r.content.usageCentavos)}</td>
                <td className={`${table.td} text-right tabular-nums font-medium`}>{brl(r.content.totalCentavos)}</td>
                <td className={`${table.td} flex items-center gap-1`}>
                  <ReportDownloads institutionId={r.content.institution.id} month={month} label={r.content.institution.legalName} />
                  {manage && r.status === "DRAFT" && r.phase !== "OPEN" ? (
                    <Button
                      variant="primary"
                      onClick={() => setFinalizing({ institutionId: r.content.institution.id, name: r.content.institution.legalName })}
                    >
                      {t("finalize")}
                    </Button>
                  ) : null}
                </td>
              </tr>
            )}
          />
        </div>
      )}
      {manage ? (
        <AdjustmentsPanel
          month={month}
          institutions={(fleet.data ?? []).filter((r) => r.status === "DRAFT").map((r) => r.content.institution)}
        />
      ) : null}
      <ConfirmDialog
        open={finalizing !== null}
        title={t("finalizeTitle", { name: finalizing?.name ?? "", month: monthLabel(month, locale) })}
        confirmLabel={t("finalize")}
        variant="primary"
        pending={finalize.isPending}
        onConfirm={() => finalizing && finalize.mutate({ institutionId: finalizing.institutionId, month })}
        onCancel={() => setFinalizing(null)}
      >
        {t("finalizeBody")}
        {finalize.isError ? <Alert tone="error">{errorMessage(finalize.error)}</Alert> : null}
      </ConfirmDialog>
    </div>
  );
}
