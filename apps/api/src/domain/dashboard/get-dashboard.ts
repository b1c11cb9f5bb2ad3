// The Opus home: where the fleet stands and what needs someone's attention.

import { provisioningQueueStats } from "../../lib/queue-stats.ts";
import type { DomainContext } from "../domain-context.ts";
import { expiryWarning } from "../institutions/certificate.ts";
import { fleetHealthCounts } from "../regulatory/fleet-health-counts.ts";
import { silentAgents } from "./silent-agents.ts";

export async function getDashboard(ctx: DomainContext) {
  const now = ctx.clock.now();
  const in30Days = new Date(now.getTime() + 30 * 86_400_000);
  const since24h = new Date(now.getTime() - 86_400_000);
  const [byStatus, byMode, pendingApprovals, pendingSignups, submitted, failedEnvironments, expiring, health, queue, silent] =
    await Promise.all([
      ctx.db.institution.groupBy({ by: ["status"], _count: { _all: true } }),
      ctx.db.institution.groupBy({ by: ["deploymentMode"], _count: { _all: true } }),
      ctx.db.approvalRequest.count({ where: { status: "PENDING" } }),
      ctx.db.signupRequest.count({ where: { status: "PENDING" } }),
      ctx.db.institution.count({ where: { status: "SUBMITTED" } }),
      ctx.db.environment.count({ where: { status: "FAILED" } }),
      ctx.db.certificate.findMany({
        where: { notAfter: { lte: in30Days } },
        orderBy: { notAfter: "asc" },
        take: 50,
        select: { id: true, kind: true, notAfter: true, subject: true, institution: { select: { id: true, legalName: true } } },
      }),
      fleetHealthCounts(ctx),
      provisioningQueueStats(ctx.db, since24h),
      silentAgents(ctx.db, now),
    ]);
  return {
    institutionsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])),
    institutionsByMode: Object.fromEntries(byMode.map((r) => [r.deploymentMode ?? "UNSET", r._count._all])),
    pendingApprovals,
    pendingSignups,
    awaitingReview: submitted,
    failedEnvironments,
    expiringCertificates: expiring.map((c) => ({ ...c, warning: expiryWarning(c.notAfter, now) })),
    /** The fleet against Open Finance Brasil's availability and response-time rules, as of `asOf`. */
    fleetHealth: {
      asOf: health.asOf,
      BREACHING: health.BREACHING,
      AT_RISK: health.AT_RISK,
      HEALTHY: health.HEALTHY,
      NO_DATA: health.NO_DATA,
    },
    /** The provisioning queue now, and runs that failed in the last 24 hours. */
    provisioning: {
      queued: queue.queued,
      running: queue.running,
      oldestQueuedSeconds: Math.round(queue.oldestQueuedSeconds),
      failedLast24h: queue.failedSince,
    },
    /** Managed accounts' outbound agents silent past the bound of @opus/rules/agent-contact, longest-silent first. */
    silentAgents: silent,
  };
}
