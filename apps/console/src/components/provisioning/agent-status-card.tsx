"use client";
import { AGENT_CONTACT_REFRESH_MS, AGENT_SILENT_AFTER_MS, agentContactState } from "@opus/rules/agent-contact";
import Link from "next/link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { TIME_ZONE } from "@/i18n/formats";
import type { InstitutionDetail } from "@/lib/router-types";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { DetailList } from "../ui/detail-list";
import type { Run } from "./provisioning-types";

type Account = NonNullable<InstitutionDetail["managedAccount"]>;
type Props = { institutionId: string; account: Account; running: Run | undefined };

const TONE = { never: "muted", live: "success", silent: "warning" } as const;

/**
 * A managed account whose credentials stay with its agent: the agent's version, when the control
 * plane last heard from it (relative, and the time in Brasília with the zone said), what it runs,
 * and a warning once it has been silent longer than the bound in @opus/rules/agent-contact.
 */
export function AgentStatusCard({ institutionId, account, running }: Props) {
  const t = useTranslations("Provisioning.agent");
  const tKind = useTranslations("Provisioning.kind");
  const format = useFormatter();
  // The stored contact moves at most every refresh; re-judging at the same pace is enough.
  const now = useNow({ updateInterval: AGENT_CONTACT_REFRESH_MS / 6 });
  const seenAt = account.agentSeenAt ? new Date(account.agentSeenAt) : null;
  const state = agentContactState(seenAt, now);
  const dash = <span className="text-slate-500">—</span>;
  return (
    <Card title={t("title")} actions={<Badge tone={TONE[state]}>{t(`state.${state}`)}</Badge>}>
      <div className="space-y-3" data-testid="agent-status">
        {state === "silent" && seenAt ? (
          <Alert tone="warning">
            <p className="font-medium">{t("silentTitle")}</p>
            <p className="mt-1">{t("silentBody", { seconds: AGENT_SILENT_AFTER_MS / 1000 })}</p>
          </Alert>
        ) : null}
        {state === "never" ? <Alert tone="info">{t("neverBody")}</Alert> : null}
        <DetailList
          items={[
            { label: t("version"), value: account.agentVersion ? <span className="font-mono text-xs">{account.agentVersion}</span> : dash },
            {
              label: t("lastContact"),
              value: seenAt ? (
                <span data-testid="agent-last-contact">
                  {format.relativeTime(seenAt, now)}{" "}
                  <span className="text-slate-500">
                    ({format.dateTime(seenAt, "seconds")}, {t("zone", { zone: TIME_ZONE })})
                  </span>
                </span>
              ) : (
                t("never")
              ),
            },
            {
              label: t("running"),
              value: running ? (
                <Link className="text-brand-700 underline" href={`/institutions/${institutionId}/operations/${running.id}`}>
                  {tKind(running.kind)}
                </Link>
              ) : (
                t("idle")
              ),
            },
          ]}
        />
        <p className="text-xs text-slate-500">{t("bound", { seconds: AGENT_SILENT_AFTER_MS / 1000 })}</p>
      </div>
    </Card>
  );
}
