"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { AuditEvent } from "@/lib/router-types";
import { DataTable } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import { table } from "../ui/styles";
import { useAuditDescription } from "./use-audit-description";

type Props = { events: AuditEvent[] | undefined; showInstitution: boolean; refreshing: boolean };

export function AuditTable({ events, showInstitution, refreshing }: Props) {
  const t = useTranslations("audit");
  const format = useFormatter();
  const describeEvent = useAuditDescription();
  return (
    <DataTable
      caption={t("title")}
      columns={[
        { key: "when", label: t("columns.when") },
        { key: "who", label: t("columns.who") },
        { key: "what", label: t("columns.what") },
        showInstitution && { key: "institution", label: t("columns.institution") },
        { key: "from", label: t("columns.from") },
      ]}
      rows={events}
      loadingRows={4}
      refreshing={refreshing}
      minWidth="lg"
      empty={<EmptyState title={t("empty")} />}
      renderRow={(event) => (
        <tr key={event.id} className={table.row}>
          <td className={`${table.td} whitespace-nowrap tabular-nums`}>
            <time dateTime={event.createdAt.toISOString()}>{format.dateTime(event.createdAt, "seconds")}</time>
          </td>
          <td className={table.td}>{event.actorEmail ?? <span className="text-slate-500 italic">{t("system")}</span>}</td>
          <td className={table.td}>
            <p>{describeEvent(event)}</p>
            <p className="font-mono text-[11px] text-slate-500">{event.action}</p>
          </td>
          {showInstitution ? (
            <td className={table.td}>
              {event.institutionId && event.institution ? (
                <Link href={`/institutions/${event.institutionId}`} className="text-brand-700 hover:underline">
                  {event.institution.legalName}
                </Link>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </td>
          ) : null}
          <td className={`${table.td} font-mono text-xs`}>{event.ip ?? <span className="text-slate-500">—</span>}</td>
        </tr>
      )}
    />
  );
}
