"use client";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { PageHeader } from "../ui/page-header";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { StatTile } from "../ui/stat-tile";
import { CountsByMode } from "./counts-by-mode";
import { CountsByStatus } from "./counts-by-status";
import { ExpiringCertificates } from "./expiring-certificates";
import { FleetHealthSummary } from "./fleet-health-summary";
import { SilentAgents } from "./silent-agents";

/** The Opus home: where the fleet stands and what needs someone's attention. */
export function DashboardPage() {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const trpc = useTRPC();
  const me = useCurrentMe();
  const dashboard = useQuery(trpc.dashboard.get.queryOptions());
  const header = <PageHeader title={t("title")} description={t("description")} />;
  if (dashboard.isError) {
    return (
      <div className="mx-auto max-w-7xl">
        {header}
        <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      </div>
    );
  }
  if (!dashboard.data) return <PageLoading />;
  const d = dashboard.data;
  const total = Object.values(d.institutionsByStatus).reduce((sum, n) => sum + n, 0);
  const within7 = d.expiringCertificates.filter((c) => c.warning !== "30-days").length;
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      {header}
      <section aria-label={t("attention")} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <StatTile label={t("tiles.institutions")} value={format.number(total)} href="/institutions" />
        <StatTile
          label={t("tiles.awaitingReview")}
          value={format.number(d.awaitingReview)}
          hint={t("tiles.awaitingReviewHint")}
          href="/institutions?status=SUBMITTED"
          tone={d.awaitingReview > 0 ? "attention" : "neutral"}
        />
        <StatTile
          label={t("tiles.pendingApprovals")}
          value={format.number(d.pendingApprovals)}
          hint={t("tiles.pendingApprovalsHint")}
          href={can(me, "institution.govern") ? "/approvals" : null}
          tone={d.pendingApprovals > 0 ? "attention" : "neutral"}
        />
        <StatTile
          label={t("tiles.pendingSignups")}
          value={format.number(d.pendingSignups)}
          hint={t("tiles.pendingSignupsHint")}
          href={can(me, "institution.review") ? "/signups" : null}
          tone={d.pendingSignups > 0 ? "attention" : "neutral"}
        />
        <StatTile
          label={t("tiles.failedEnvironments")}
          value={format.number(d.failedEnvironments)}
          hint={t("tiles.failedEnvironmentsHint")}
          tone={d.failedEnvironments > 0 ? "danger" : "neutral"}
        />
      </section>
      <FleetHealthSummary health={d.fleetHealth} provisioning={d.provisioning} />
      <SilentAgents agents={d.silentAgents} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <CountsByStatus counts={d.institutionsByStatus} />
        <CountsByMode counts={d.institutionsByMode} />
        <section aria-label={t("certificates.summary")} className="grid grid-cols-2 gap-3 self-start">
          <StatTile
            label={t("certificates.within30")}
            value={format.number(d.expiringCertificates.length - within7)}
            tone={d.expiringCertificates.length - within7 > 0 ? "attention" : "neutral"}
          />
          <StatTile label={t("certificates.within7")} value={format.number(within7)} tone={within7 > 0 ? "danger" : "neutral"} />
        </section>
      </div>
      <ExpiringCertificates certificates={d.expiringCertificates} />
    </div>
  );
}
