// The Opus home: where the fleet stands and what needs someone's attention.
import type { DomainContext } from "../domain-context.ts";
import { expiryWarning } from "../institutions/certificate.ts";

export async function getDashboard(ctx: DomainContext) {
  const now = ctx.clock.now();
  const in30Days = new Date(now.getTime() + 30 * 86_400_000);
  const [byStatus, byMode, pendingApprovals, pendingSignups, submitted, failedEnvironments, expiring] = await Promise.all([
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
  ]);
  return {
    institutionsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])),
    institutionsByMode: Object.fromEntries(byMode.map((r) => [r.deploymentMode ?? "UNSET", r._count._all])),
    pendingApprovals,
    pendingSignups,
    awaitingReview: submitted,
    failedEnvironments,
    expiringCertificates: expiring.map((c) => ({ ...c, warning: expiryWarning(c.notAfter, now) })),
  };
}
