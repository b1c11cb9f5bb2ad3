"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { AuditEvent } from "@/lib/router-types";
import { EmptyState } from "../ui/empty-state";
import { LoadingRows } from "../ui/loading-rows";
import { table } from "../ui/styles";
import { useAuditDescription } from "./use-audit-description";

type Props = { events: AuditEvent[] | undefined; showInstitution: boolean; refreshing: boolean };

export function AuditTable({ events, showInstitution, refreshing }: Props) {
  const t = useTranslations("audit");
  const format = useFormatter();
  const describeEvent = useAuditDescription();
  if (events && events.length === 0) return <EmptyState title={t("empty")} />;
  const columns = showInstitution ? 5 : 4;
  return (
    <div className={`${table.wrapper} ${refreshing ? "opacity-60" : ""}`} aria-busy={!events || refreshing}>
      <table className={table.table}>
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("columns.when")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.who")}
            </th>
            <th scope="col" className={table.th}>
              {t("columns.what")}
            </th>
            {showInstitution ? (
              <th scope="col" className={table.th}>
                {t("columns.institution")}
              </th>
            ) : null}
            <th scope="col" className={table.th}>
              {t("columns.from")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events ? (
            events.map((event) => (
              <tr key={event.id} className={table.row}>
                <td className={`${table.td} whitespace-nowrap tabular-nums`}>
                  <time dateTime={event.createdAt.toISOString()}>{format.dateTime(event.createdAt, "precise")}</time>
                </td>
                <td className={table.td}>{event.actorEmail ?? <span className="text-slate-500 italic">{t("system")}</span>}</td>
                <td className={table.td}>
                  <p>{describeEvent(event)}</p>
                  <p className="font-mono text-[11px] text-slate-400">{event.action}</p>
                </td>
                {showInstitution ? (
                  <td className={table.td}>
                    {event.institutionId && event.institution ? (
                      <Link href={`/institutions/${event.institutionId}`} className="text-brand-700 hover:underline">
                        {event.institution.legalName}
                      </Link>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </td>
                ) : null}
                <td className={`${table.td} font-mono text-xs`}>{event.ip ?? <span className="text-slate-400">—</span>}</td>
              </tr>
            ))
          ) : (
            <LoadingRows columns={columns} />
          )}
        </tbody>
      </table>
    </div>
  );
}
