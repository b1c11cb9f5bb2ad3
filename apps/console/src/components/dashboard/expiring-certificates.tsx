"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { Dashboard } from "@/lib/router-types";
import { ExpiryBadge } from "../certificates/expiry-badge";
import { Card } from "../ui/card";
import { table } from "../ui/styles";

/** Certificates expired or expiring within 30 days, soonest first, across the fleet. */
export function ExpiringCertificates({ certificates }: { certificates: Dashboard["expiringCertificates"] }) {
  const t = useTranslations("dashboard.certificates");
  const format = useFormatter();
  return (
    <Card title={t("title")}>
      {certificates.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <div className="-m-4 overflow-x-auto">
          <table className={table.table}>
            <thead>
              <tr>
                <th scope="col" className={table.th}>
                  {t("institution")}
                </th>
                <th scope="col" className={table.th}>
                  {t("kind")}
                </th>
                <th scope="col" className={table.th}>
                  {t("subject")}
                </th>
                <th scope="col" className={table.th}>
                  {t("expires")}
                </th>
                <th scope="col" className={table.th}>
                  {t("state")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {certificates.map((c) => (
                <tr key={c.id} className={table.row}>
                  <td className={table.td}>
                    <Link href={`/institutions/${c.institution.id}/certificates`} className="font-medium text-brand-700 hover:underline">
                      {c.institution.legalName}
                    </Link>
                  </td>
                  <td className={table.td}>{c.kind}</td>
                  <td className={`${table.td} max-w-md text-xs break-words`}>{c.subject}</td>
                  <td className={`${table.td} whitespace-nowrap`}>{format.dateTime(c.notAfter, "dateTime")}</td>
                  <td className={table.td}>
                    <ExpiryBadge warning={c.warning} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
