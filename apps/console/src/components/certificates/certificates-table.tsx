"use client";
import { useTranslations } from "next-intl";
import type { Certificate } from "@/lib/router-types";
import { EmptyState } from "../ui/empty-state";
import { LoadingRows } from "../ui/loading-rows";
import { table } from "../ui/styles";
import { CertificateRow } from "./certificate-row";

type Props = { institutionId: string; certificates: Certificate[] | undefined; manage: boolean };

export function CertificatesTable({ institutionId, certificates, manage }: Props) {
  const t = useTranslations("certificates");
  if (certificates && certificates.length === 0) return <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>;
  const columns = ["kind", "subject", "issuer", "serial", "validity", "state"] as const;
  return (
    <div className={table.wrapper}>
      <table className={table.table}>
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={table.th}>
                {t(`columns.${column}`)}
              </th>
            ))}
            {manage ? (
              <th scope="col" className={`${table.th} text-right`}>
                <span className="sr-only">{t("columns.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {certificates ? (
            certificates.map((c) => <CertificateRow key={c.id} institutionId={institutionId} certificate={c} manage={manage} />)
          ) : (
            <LoadingRows columns={manage ? 7 : 6} rows={2} />
          )}
        </tbody>
      </table>
    </div>
  );
}
