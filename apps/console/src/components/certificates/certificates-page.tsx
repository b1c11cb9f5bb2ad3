"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { TIME_ZONE } from "@/i18n/formats";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { QueryError } from "../ui/query-error";
import { CertificatesTable } from "./certificates-table";
import { UploadForm } from "./upload-form";

/** The Certificates tab: BRCAC and BRSEAL certificates, their expiry, upload and removal. */
export function CertificatesPage({ institutionId }: { institutionId: string }) {
  const t = useTranslations("certificates");
  const trpc = useTRPC();
  const me = useCurrentMe();
  const manage = can(me, "certificates.manage", institutionId);
  const certificates = useQuery(trpc.certificates.find.queryOptions({ institutionId }));
  return (
    <div className="space-y-6">
      <section aria-labelledby="certificates-heading" className="space-y-2">
        <h2 id="certificates-heading" className="text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("description", { zone: TIME_ZONE })}</p>
        {certificates.isError ? (
          <QueryError error={certificates.error} onRetry={() => void certificates.refetch()} />
        ) : (
          <CertificatesTable institutionId={institutionId} certificates={certificates.data} manage={manage} />
        )}
      </section>
      {manage ? <UploadForm institutionId={institutionId} /> : null}
    </div>
  );
}
