"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useFormatDay } from "@/hooks/use-format-day";
import type { Dashboard } from "@/lib/router-types";
import { useFormatDuration } from "../provisioning/use-format-duration";
import { StatTile } from "../ui/stat-tile";

/**
 * The fleet's health at a glance: installations against Open Finance Brasil's availability and
 * response-time rules (the Health page has the detail), and the provisioning queue.
 */
export function FleetHealthSummary({
  health,
  provisioning,
}: {
  health: Dashboard["fleetHealth"];
  provisioning: Dashboard["provisioning"];
}) {
  const t = useTranslations("dashboard.fleetHealth");
  const formatDay = useFormatDay();
  const format = useFormatter();
  const duration = useFormatDuration();
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <section aria-label={t("regulatory")} className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-900">{t("regulatory")}</h2>
        <div className="grid grid-cols-3 gap-3">
          <StatTile
            label={t("breaching")}
            value={format.number(health.BREACHING)}
            hint={t("breachingHint")}
            href="/health"
            tone={health.BREACHING > 0 ? "danger" : "neutral"}
          />
          <StatTile
            label={t("atRisk")}
            value={format.number(health.AT_RISK)}
            hint={t("atRiskHint")}
            href="/health"
            tone={health.AT_RISK > 0 ? "attention" : "neutral"}
          />
          <StatTile
            label={t("healthy")}
            value={format.number(health.HEALTHY)}
            hint={t("asOf", { day: formatDay(health.asOf) })}
            href="/health"
          />
        </div>
      </section>
      <section aria-label={t("provisioning")} className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-900">{t("provisioning")}</h2>
        <div className="grid grid-cols-3 gap-3">
          <StatTile
            label={t("queued")}
            value={format.number(provisioning.queued)}
            hint={
              provisioning.queued > 0
                ? t("oldest", { wait: duration(provisioning.oldestQueuedSeconds * 1000) })
                : t("running", { count: provisioning.running })
            }
            tone={provisioning.oldestQueuedSeconds > 600 ? "attention" : "neutral"}
          />
          <StatTile label={t("runningNow")} value={format.number(provisioning.running)} />
          <StatTile
            label={t("failed24h")}
            value={format.number(provisioning.failedLast24h)}
            hint={t("failed24hHint")}
            tone={provisioning.failedLast24h > 0 ? "danger" : "neutral"}
          />
        </div>
      </section>
    </div>
  );
}
