"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { Approval } from "@/lib/router-types";
import { Badge } from "../ui/badge";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { table } from "../ui/styles";
import { useApprovalLabel } from "./use-approval-label";

const TONES = { APPROVED: "success", REJECTED: "danger", CANCELLED: "muted", PENDING: "neutral" } as const;

export function DecidedApprovalsTable({ approvals }: { approvals: Approval[] | undefined }) {
  const t = useTranslations("approvals");
  const format = useFormatter();
  const label = useApprovalLabel();
  return (
    <DataTable
      caption={t("decided")}
      columns={(["institution", "change", "reason", "requested", "outcome", "decided"] as const).map((column) => ({
        key: column,
        label: t(`columns.${column}`),
      }))}
      rows={approvals}
      loadingRows={2}
      minWidth="lg"
      empty={<EmptyState title={t("noneDecided")} />}
      renderRow={(approval) => (
        <tr key={approval.id} className={table.row}>
          <td className={table.td}>
            <Link href={`/institutions/${approval.institution.id}`} className="font-medium text-brand-700 hover:underline">
              {approval.institution.legalName}
            </Link>
          </td>
          <td className={table.td}>{label(approval)}</td>
          <td className={`${table.td} max-w-xs`}>{approval.reason}</td>
          <td className={`${table.td} whitespace-nowrap`}>{approval.requestedBy ?? "—"}</td>
          <td className={table.td}>
            <Badge tone={TONES[approval.status]}>{t(`status.${approval.status}`)}</Badge>
            {approval.decisionNote ? <span className="mt-0.5 block text-xs text-slate-600">{approval.decisionNote}</span> : null}
          </td>
          <td className={`${table.td} whitespace-nowrap`}>
            {approval.decidedBy ?? "—"}
            {approval.decidedAt ? (
              <span className="block text-xs text-slate-500">{format.dateTime(approval.decidedAt, "dateTime")}</span>
            ) : null}
          </td>
        </tr>
      )}
    />
  );
}
