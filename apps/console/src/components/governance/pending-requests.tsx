"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc";
import { QueryError } from "../ui/query-error";
import { ApprovalDecision } from "./approval-decision";
import { useApprovalLabel } from "./use-approval-label";

/** This institution's four-eyes requests that still wait for a decision. */
export function PendingRequests({ institutionId }: { institutionId: string }) {
  const t = useTranslations("approvals");
  const format = useFormatter();
  const trpc = useTRPC();
  const label = useApprovalLabel();
  const approvals = useQuery(trpc.approvals.find.queryOptions({ status: "PENDING" }));
  if (approvals.isError) return <QueryError error={approvals.error} onRetry={() => void approvals.refetch()} />;
  const pending = (approvals.data ?? []).filter((a) => a.institution.id === institutionId);
  return (
    <section aria-labelledby="pending-requests" className="space-y-2">
      <h3 id="pending-requests" className="text-sm font-semibold text-slate-900">
        {t("pendingHere")}
      </h3>
      {pending.length === 0 ? (
        <p className="text-sm text-slate-500">{approvals.data ? t("noneHere") : t("loading")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {pending.map((approval) => (
            <li key={approval.id} className="flex flex-wrap items-start justify-between gap-3 p-3 text-sm" data-testid="pending-request">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{label(approval)}</p>
                <p className="text-slate-600">{approval.reason}</p>
                <p className="text-xs text-slate-500">
                  {t("requestedByOn", { who: approval.requestedBy ?? "—", when: format.dateTime(approval.createdAt, "dateTime") })}
                </p>
              </div>
              <ApprovalDecision approval={approval} />
            </li>
          ))}
        </ul>
      )}
      <Link href="/approvals" className="text-sm font-medium text-brand-700 hover:underline">
        {t("openInbox")}
      </Link>
    </section>
  );
}
