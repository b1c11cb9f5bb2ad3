"use client";
import { formatCnpj } from "@opus/rules/cnpj";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { appErrorCode } from "@/lib/app-error";
import type { InstitutionStatus } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { NotAvailable } from "../shell/not-available";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { InstitutionStatusBadge } from "./institution-status-badge";
import { InstitutionTabs } from "./institution-tabs";

const PREPARING: readonly InstitutionStatus[] = ["APPROVED", "PROVISIONING"];

/** Header and tabs shared by every page of one institution. */
export function InstitutionFrame({ institutionId, children }: { institutionId: string; children: ReactNode }) {
  const t = useTranslations("institution");
  const trpc = useTRPC();
  const me = useCurrentMe();
  const institution = useQuery({
    ...trpc.institutions.get.queryOptions({ institutionId }),
    // While environments are being prepared the status moves on its own: follow it.
    refetchInterval: (query) => (query.state.data && PREPARING.includes(query.state.data.status) ? 5_000 : false),
  });

  if (institution.isError) {
    // Another institution's address (or one that does not exist) is not theirs to see.
    const code = appErrorCode(institution.error);
    if (code === "FORBIDDEN" || code === "NOT_FOUND") return <NotAvailable />;
    return (
      <div className="mx-auto max-w-7xl">
        <QueryError error={institution.error} onRetry={() => void institution.refetch()} />
      </div>
    );
  }
  if (!institution.data) return <PageLoading />;
  const data = institution.data;
  return (
    <div className="mx-auto max-w-7xl">
      {me.staffRole ? (
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-slate-500">
          <Link href="/institutions" className="hover:text-slate-800 hover:underline">
            {t("allInstitutions")}
          </Link>
          <span aria-hidden="true"> / </span>
          <span className="text-slate-700 break-words">{data.legalName}</span>
        </nav>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="min-w-0 text-xl font-semibold tracking-tight break-words text-slate-900">{data.legalName}</h1>
        <span data-testid="institution-status">
          <InstitutionStatusBadge status={data.status} setupFailed={data.setupFailed} />
        </span>
      </div>
      <p className="mt-0.5 text-sm text-slate-600">
        {[data.tradeName, data.cnpj ? t("cnpjLabel", { cnpj: formatCnpj(data.cnpj) }) : null].filter(Boolean).join(" · ")}
      </p>
      <InstitutionTabs institutionId={institutionId} status={data.status} />
      <div className="pt-5">{children}</div>
    </div>
  );
}
