// Opus operations' view of the fleet against the thresholds: every environment that reported in the
// window, its status (BREACHING, AT_RISK, HEALTHY) and what it rests on, filterable by mode, plan,
// status and release; and the releases compared by the health of the environments running them
// (over the mode and plan chosen, so the comparison keeps every release in view).
import type { Prisma } from "@opus/db/client";
import { environmentHealth, type HealthStatus } from "@opus/rules/environment-health";
import type { DomainContext } from "../domain-context.ts";
import { healthWindow, toFigures, windowRows } from "./metric-rows.ts";
import { releaseHealth } from "./release-health.ts";

export type FleetHealthFilter = {
  mode?: "SAAS" | "MANAGED" | "SELF_MANAGED";
  planCode?: string;
  status?: HealthStatus;
  releaseVersion?: string;
};

const STATUS_ORDER: Record<HealthStatus, number> = { BREACHING: 0, AT_RISK: 1, HEALTHY: 2, NO_DATA: 3 };

export async function listFleetHealth(ctx: DomainContext, filter: FleetHealthFilter) {
  const now = ctx.clock.now();
  const { asOf, fromDate } = healthWindow(now);
  const where: Prisma.EnvironmentWhereInput = {
    status: { not: "DESTROYED" },
    endpointMetrics: { some: { day: { gte: fromDate } } },
    institution: {
      ...(filter.mode ? { deploymentMode: filter.mode } : {}),
      ...(filter.planCode ? { plan: { code: filter.planCode } } : {}),
    },
  };
  const environments = await ctx.db.environment.findMany({
    where,
    select: {
      id: true,
      kind: true,
      releaseVersion: true,
      institution: { select: { id: true, legalName: true, deploymentMode: true, plan: { select: { code: true, name: true } } } },
    },
  });
  const rows = await windowRows(ctx.db, { environmentId: { in: environments.map((e) => e.id) } }, now);
  const byEnvironment = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byEnvironment.get(row.environmentId);
    if (list) list.push(row);
    else byEnvironment.set(row.environmentId, [row]);
  }
  const items = environments.map((e) => {
    const health = environmentHealth((byEnvironment.get(e.id) ?? []).map(toFigures), asOf);
    return {
      environment: { id: e.id, kind: e.kind, releaseVersion: e.releaseVersion },
      institution: e.institution,
      status: health.status,
      breaches: health.currentBreaches.map((b) => ({ rule: b.rule, endpoint: b.endpoint, day: b.day })),
      budget: health.budget && {
        endpoint: health.budget.endpoint,
        remainingSeconds: health.budget.remainingSeconds,
        coveredDays: health.budget.coveredDays,
      },
      burnRate: health.fastestBurn?.burnRate ?? null,
    };
  });
  return {
    asOf,
    releases: releaseHealth(items),
    items: items
      .filter((i) => !filter.status || i.status === filter.status)
      .filter((i) => !filter.releaseVersion || i.environment.releaseVersion === filter.releaseVersion)
      .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.institution.legalName.localeCompare(b.institution.legalName)),
  };
}
