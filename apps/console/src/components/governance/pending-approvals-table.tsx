"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { Approval } from "@/lib/router-types";
import { InstitutionStatusBadge } from "../institutions/institution-status-badge";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { table } from "../ui/styles";
import { ApprovalDecision } from "./approval-decision";
import { useApprovalLabel } from "./use-approval-label";

export function PendingApprovalsTable({ approvals }: { approvals: Approval[] | undefined }) {
  const t = useTranslations("approvals");
  const format = useFormatter();
  const label = useApprovalLabel();
  return (
    <DataTable
      caption={t("pending")}
      columns={[
        ...(["institution", "change", "reason", "requested"] as const).map((column) => ({ key: column, label: t(`columns.${column}`) })),
        { key: "decision", label: t("columns.decision"), align: "right" as const },
      ]}
      rows={approvals}
      loadingRows={2}
      minWidth="lg"
      empty={<EmptyState title={t("nonePending")}>{t("nonePendingHint")}</EmptyState>}
      renderRow={(approval) => (
        <tr key={approval.id} className={table.row}>
          <td className={table.td}>
            <Link href={`/institutions/${approval.institution.id}`} className="font-medium text-brand-700 hover:underline">
              {approval.institution.legalName}
            </Link>
            <div className="mt-0.5">
              <InstitutionStatusBadge status={approval.institution.status} />
            </div>
          </td>
          <td className={`${table.td} font-medium`}>{label(approval)}</td>
          <td className={`${table.td} max-w-sm`}>{approval.reason}</td>
          <td className={`${table.td} whitespace-nowrap`}>
            {approval.requestedBy ?? "—"}
            {approval.mine ? <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t("you")}</span> : null}
            <span className="block text-xs text-slate-500">{format.dateTime(approval.createdAt, "dateTime")}</span>
          </td>
          <td className={`${table.td} text-right`}>
            <ApprovalDecision approval={approval} />
          </td>
        </tr>
      )}
    />
  );
}
