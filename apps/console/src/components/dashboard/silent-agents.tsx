"use client";
import { AGENT_SILENT_AFTER_MS } from "@opus/rules/agent-contact";
import Link from "next/link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { TIME_ZONE } from "@/i18n/formats";
import type { Dashboard } from "@/lib/router-types";
import { environmentPath } from "../provisioning/provisioning-paths";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { table } from "../ui/styles";

const COLUMNS = ["institution", "lastContact", "version", "environments"] as const;

/**
 * Managed accounts whose outbound agent has gone silent, fleet-wide: the API judges them with the
 * bound of @opus/rules/agent-contact, the one the environment page flags with, and each row links to
 * the environments the agent runs, where the card says what to check.
 */
export function SilentAgents({ agents }: { agents: Dashboard["silentAgents"] }) {
  const t = useTranslations("dashboard.silentAgents");
  const tEnums = useTranslations("enums.environmentKind");
  const format = useFormatter();
  const now = useNow();
  const listed = agents.items.length;
  return (
    <Card
      title={t("title")}
      actions={
        <Badge tone={agents.count > 0 ? "warning" : "success"}>
          <span data-testid="silent-agents-count">{t("count", { count: agents.count })}</span>
        </Badge>
      }
    >
      <div className="space-y-3">
        <p className="text-xs text-slate-500">{t("bound", { seconds: AGENT_SILENT_AFTER_MS / 1000 })}</p>
        <DataTable
          caption={t("title")}
          frame="inset"
          columns={COLUMNS.map((column) => ({ key: column, label: t(column) }))}
          rows={agents.items}
          empty={<p className="text-sm text-slate-600">{t("none")}</p>}
          renderRow={(a) => (
            <tr key={a.institution.id} className={table.row}>
              <td className={table.td}>
                <Link href={`/institutions/${a.institution.id}`} className="font-medium text-brand-700 hover:underline">
                  {a.institution.legalName}
                </Link>
              </td>
              <td className={`${table.td} whitespace-nowrap`}>
                {format.relativeTime(a.lastContactAt, now)}{" "}
                <span className="text-slate-500">
                  ({format.dateTime(a.lastContactAt, "seconds")}, {t("zone", { zone: TIME_ZONE })})
                </span>
              </td>
              <td className={`${table.td} font-mono text-xs`}>{a.agentVersion ?? "—"}</td>
              <td className={table.td}>
                {a.environments.length === 0 ? (
                  <span className="text-slate-500">{t("noEnvironments")}</span>
                ) : (
                  <ul className="flex flex-wrap gap-x-3 gap-y-1">
                    {a.environments.map((e) => (
                      <li key={e.id}>
                        <Link href={environmentPath(a.institution.id, e.id)} className="text-brand-700 underline-offset-2 hover:underline">
                          {tEnums(e.kind)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          )}
        />
        {agents.count > listed ? <p className="text-xs text-slate-500">{t("more", { listed, count: agents.count })}</p> : null}
      </div>
    </Card>
  );
}
