"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { EnvironmentsTable } from "./environments-table";

/** The Environments tab: each environment's status, release and where it runs. */
export function EnvironmentsPanel({ institutionId }: { institutionId: string }) {
  const t = useTranslations("institution.environments");
  const trpc = useTRPC();
  const institution = useQuery(trpc.institutions.get.queryOptions({ institutionId }));
  if (institution.isError) return <QueryError error={institution.error} onRetry={() => void institution.refetch()} />;
  if (!institution.data) return <PageLoading />;
  const mode = institution.data.deploymentMode;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{mode ? t(`intro.${mode}`) : t("intro.none")}</p>
      <EnvironmentsTable environments={institution.data.environments} />
    </div>
  );
}
