"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { can } from "@/lib/permissions";
import type { RouterOutputs } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { BillingSections } from "../billing/billing-sections";
import { useCurrentMe } from "../shell/me-context";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";
import { table } from "../ui/styles";
import { useMeterName } from "../usage/use-meter-name";
import { MeterForm } from "./meter-form";

type Meter = RouterOutputs["usage"]["meters"][number];

/** Opus staff: every meter, live and retired; Opus admins add and retire them. */
export function MetersPage() {
  const t = useTranslations("meterCatalogue");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const format = useFormatter();
  const meterName = useMeterName();
  const manage = can(useCurrentMe(), "meters.manage");
  const meters = useQuery(trpc.usage.meters.queryOptions());
  const [retiring, setRetiring] = useState<string | null>(null);
  const retire = useMutation(
    trpc.usage.retireMeter.mutationOptions({
      onSuccess: async () => {
        setRetiring(null);
        await queryClient.invalidateQueries(trpc.usage.meters.pathFilter());
      },
    }),
  );
  const row = (meter: Meter) => (
    <tr key={meter.code} className={table.row}>
      <td className={`${table.td} font-mono text-xs`}>{meter.code}</td>
      <td className={`${table.td} font-medium`}>{meterName(meter.code, meter.name)}</td>
      <td className={table.td}>{meter.unit}</td>
      <td className={table.td}>{t(`aggregation.${meter.aggregation}`)}</td>
      <td className={`${table.td} font-mono text-xs`}>{meter.dimensions.join(", ") || "—"}</td>
      <td className={table.td}>{t(`source.${meter.source}`)}</td>
      <td className={table.td}>
        {meter.retiredAt ? (
          <Badge tone="muted">{t("retired", { date: format.dateTime(meter.retiredAt, "date") })}</Badge>
        ) : (
          <Badge tone="success">{t("live")}</Badge>
        )}
      </td>
      {manage ? (
        <td className={`${table.td} text-right`}>
          {!meter.retiredAt && meter.source === "API" ? (
            <Button variant="dangerGhost" onClick={() => setRetiring(meter.code)} aria-label={t("retireNamed", { code: meter.code })}>
              {t("retire")}
            </Button>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <BillingSections />
      {manage ? <MeterForm /> : null}
      {retire.isError ? <Alert tone="error">{errorMessage(retire.error)}</Alert> : null}
      {meters.isError ? (
        <QueryError error={meters.error} onRetry={() => void meters.refetch()} />
      ) : (
        <DataTable
          caption={t("caption")}
          testId="meters-table"
          minWidth="lg"
          columns={[
            { key: "code", label: t("columns.code") },
            { key: "name", label: t("columns.name") },
            { key: "unit", label: t("columns.unit") },
            { key: "aggregation", label: t("columns.aggregation") },
            { key: "dimensions", label: t("columns.dimensions") },
            { key: "source", label: t("columns.source") },
            { key: "status", label: t("columns.status") },
            manage && { key: "actions", label: t("columns.actions"), srOnly: true },
          ]}
          rows={meters.data}
          renderRow={row}
          empty={<EmptyState title={t("empty")} />}
        />
      )}
      <ConfirmDialog
        open={retiring !== null}
        title={t("retireTitle", { code: retiring ?? "" })}
        confirmLabel={t("retire")}
        pending={retire.isPending}
        onConfirm={() => retiring && retire.mutate({ code: retiring })}
        onCancel={() => setRetiring(null)}
      >
        {t("retireBody")}
      </ConfirmDialog>
    </div>
  );
}
