"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc";
import { PageHeader } from "../ui/page-header";
import { QueryError } from "../ui/query-error";
import { DecidedApprovalsTable } from "./decided-approvals-table";
import { PendingApprovalsTable } from "./pending-approvals-table";

/** The four-eyes inbox: requests waiting for a second person, then the latest decisions. */
export function ApprovalsPage() {
  const t = useTranslations("approvals");
  const trpc = useTRPC();
  const pending = useQuery(trpc.approvals.find.queryOptions({ status: "PENDING" }));
  const decided = useQuery(trpc.approvals.find.queryOptions({ status: "DECIDED" }));
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <section aria-labelledby="pending-heading" className="space-y-2">
        <h2 id="pending-heading" className="text-base font-semibold text-slate-900">
          {t("pending")}
        </h2>
        {pending.isError ? (
          <QueryError error={pending.error} onRetry={() => void pending.refetch()} />
        ) : (
          <PendingApprovalsTable approvals={pending.data} />
        )}
      </section>
      <section aria-labelledby="decided-heading" className="space-y-2">
        <h2 id="decided-heading" className="text-base font-semibold text-slate-900">
          {t("decided")}
        </h2>
        {decided.isError ? (
          <QueryError error={decided.error} onRetry={() => void decided.refetch()} />
        ) : (
          <DecidedApprovalsTable approvals={decided.data} />
        )}
      </section>
    </div>
  );
}
