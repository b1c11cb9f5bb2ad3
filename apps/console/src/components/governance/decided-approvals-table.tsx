"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { Approval } from "@/lib/router-types";
import { Badge } from "../ui/badge";
import { EmptyState } from "../ui/empty-state";
import { LoadingRows } from "../ui/loading-rows";
import { table } from "../ui/styles";
import { useApprovalLabel } from "./use-approval-label";

const TONES = { APPROVED: "success", REJECTED: "danger", CANCELLED: "muted", PENDING: "neutral" } as const;

export function DecidedApprovalsTable({ approvals }: { approvals: Approval[] | undefined }) {
  const t = useTranslations("approvals");
  const format = useFormatter();
  const label = useApprovalLabel();
  if (approvals && approvals.length === 0) return <EmptyState title={t("noneDecided")} />;
  return (
    <div className={table.wrapper}>
      <table className={table.table}>
        <caption className="sr-only">{t("decided")}</caption>
        <thead>
          <tr>
            {(["institution", "change", "reason", "requested", "outcome", "decided"] as const).map((column) => (
              <th key={column} scope="col" className={table.th}>
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {approvals ? (
            approvals.map((approval) => (
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
            ))
          ) : (
            <LoadingRows columns={6} rows={2} />
          )}
        </tbody>
      </table>
    </div>
  );
}
