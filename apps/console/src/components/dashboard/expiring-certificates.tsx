"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { Dashboard } from "@/lib/router-types";
import { ExpiryBadge } from "../certificates/expiry-badge";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { table } from "../ui/styles";

const COLUMNS = ["institution", "kind", "subject", "expires", "state"] as const;

/** Certificates expired or expiring within 30 days, soonest first, across the fleet. */
export function ExpiringCertificates({ certificates }: { certificates: Dashboard["expiringCertificates"] }) {
  const t = useTranslations("dashboard.certificates");
  const format = useFormatter();
  return (
    <Card title={t("title")}>
      <DataTable
        caption={t("title")}
        frame="inset"
        columns={COLUMNS.map((column) => ({ key: column, label: t(column) }))}
        rows={certificates}
        empty={<p className="text-sm text-slate-600">{t("none")}</p>}
        renderRow={(c) => (
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
        )}
      />
    </Card>
  );
}
