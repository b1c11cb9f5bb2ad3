// The Opus dashboard's fleet health counts, without re-judging every environment's 90-day window on
// each load: an environment's status is judged once per São Paulo day and again only after its
// figures change (environment_health_cache, kept stale-or-right by a trigger on endpoint_metric_day).
// The environments counted are the Health page's (listFleetHealth): not destroyed, with figures in
// the window; a status judged here is the one the Health page would show.
import { environmentHealth, HEALTH_STATUSES, type HealthStatus } from "@opus/rules/environment-health";
import type { DomainContext } from "../domain-context.ts";
import { healthWindow, toFigures, windowRows } from "./metric-rows.ts";

type Candidate = {
  id: string;
  healthCache: { metricsVersion: number; status: string | null; asOf: string | null; judgedVersion: number | null } | null;
};

const isStatus = (s: string | null): s is HealthStatus => HEALTH_STATUSES.includes(s as HealthStatus);

function cachedStatus(e: Candidate, asOf: string): HealthStatus | null {
  const cache = e.healthCache;
  if (!cache || cache.asOf !== asOf || cache.judgedVersion !== cache.metricsVersion || !isStatus(cache.status)) return null;
  return cache.status;
}

/** Judges the environments whose cached status is stale, and keeps each status unless their figures moved meanwhile. */
async function judge(ctx: DomainContext, stale: Candidate[], now: Date): Promise<Map<string, HealthStatus>> {
  const { asOf } = healthWindow(now);
  const rows = await windowRows(ctx.db, { environmentId: { in: stale.map((e) => e.id) } }, now);
  const byEnvironment = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byEnvironment.get(row.environmentId);
    if (list) list.push(row);
    else byEnvironment.set(row.environmentId, [row]);
  }
  const statuses = new Map<string, HealthStatus>();
  for (const e of stale) statuses.set(e.id, environmentHealth((byEnvironment.get(e.id) ?? []).map(toFigures), asOf).status);
  const ids = stale.map((e) => e.id);
  const versions = stale.map((e) => e.healthCache?.metricsVersion ?? 0);
  const judged = ids.map((id) => statuses.get(id) ?? "NO_DATA");
  // Compare-and-set on the version read before the figures: a report written since leaves the row stale.
  await ctx.db.$executeRaw`
    INSERT INTO environment_health_cache ("environmentId", "metricsVersion", status, "asOf", "judgedVersion")
    SELECT t.id, t.version, t.status, ${asOf}, t.version
    FROM unnest(${ids}::text[], ${versions}::int[], ${judged}::text[]) AS t(id, version, status)
    ORDER BY t.id
    ON CONFLICT ("environmentId") DO UPDATE SET status = EXCLUDED.status, "asOf" = EXCLUDED."asOf", "judgedVersion" = EXCLUDED."judgedVersion"
    WHERE environment_health_cache."metricsVersion" = EXCLUDED."metricsVersion"`;
  return statuses;
}

export async function fleetHealthCounts(ctx: DomainContext) {
  const now = ctx.clock.now();
  const { asOf, fromDate } = healthWindow(now);
  const environments: Candidate[] = await ctx.db.environment.findMany({
    where: { status: { not: "DESTROYED" }, endpointMetrics: { some: { day: { gte: fromDate } } } },
    select: { id: true, healthCache: { select: { metricsVersion: true, status: true, asOf: true, judgedVersion: true } } },
  });
  const stale = environments.filter((e) => cachedStatus(e, asOf) === null);
  const judged = stale.length > 0 ? await judge(ctx, stale, now) : new Map<string, HealthStatus>();
  const counts: Record<HealthStatus, number> = { BREACHING: 0, AT_RISK: 0, HEALTHY: 0, NO_DATA: 0 };
  for (const e of environments) {
    const status = cachedStatus(e, asOf) ?? judged.get(e.id) ?? "NO_DATA";
    counts[status] += 1;
  }
  return { asOf, ...counts, judged: stale.length };
}
