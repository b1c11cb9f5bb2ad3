// POST /api/v1/metrics: one installation's admin-metrics report, accepted whole or refused whole
// (a 4xx that names the field), then written in one statement; then the environment's incidents
// are brought up to date (health-incidents.ts), which is what notifies people.
import type { Db } from "@opus/db/client";
import type { SqlPool } from "@opus/db/sql-pool";
import { AppError } from "../../errors/app-error.ts";
import type { ApiKeyScope } from "../api-keys/authenticate-api-key.ts";
import type { Clock } from "../domain-context.ts";
import type { MetricsReport } from "./admin-metrics-schema.ts";
import { type IncidentDeps, reconcileHealthIncidents } from "./health-incidents.ts";
import { metricDayRows } from "./metric-days.ts";
import { writeEndpointMetrics } from "./write-endpoint-metrics.ts";

/** Installations' clocks drift; a report a few minutes ahead is not a mistake. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Older than the 90-day window, figures change no verdict; refusing them catches a wrong clock. */
const MAX_AGE_DAYS = 90;

type IngestContext = { db: Db; sql: SqlPool; clock: Clock } & Omit<IncidentDeps, "clock" | "db">;

async function resolveEnvironment(ctx: IngestContext, scope: ApiKeyScope, ref: string | undefined) {
  if (ref === undefined) {
    if (scope.environmentId) return scope.environmentId;
    throw new AppError(
      "BAD_INPUT",
      "Invalid request: environment: name the environment (its id or kind); this API key is not scoped to one.",
    );
  }
  const environments = await ctx.db.environment.findMany({
    where: { institutionId: scope.institutionId },
    select: { id: true, kind: true, status: true },
  });
  const found = environments.find((e) => e.id === ref || e.kind.toLowerCase() === ref.toLowerCase());
  if (!found) {
    const foreign = await ctx.db.environment.findFirst({ where: { id: ref }, select: { id: true } });
    if (foreign) throw new AppError("FORBIDDEN", "This API key cannot report metrics for another institution's environment.");
    throw new AppError("BAD_INPUT", `Invalid request: environment: no environment "${ref}" for this institution.`);
  }
  if (scope.environmentId && found.id !== scope.environmentId) {
    throw new AppError("FORBIDDEN", `This API key reports only for environment ${scope.environmentId}.`);
  }
  if (found.status === "DESTROYED")
    throw new AppError("CONFLICT", `Environment ${found.kind.toLowerCase()} was destroyed; it reports nothing more.`);
  return found.id;
}

function checkTimes(report: MetricsReport, now: Date) {
  report.data.forEach((metric, index) => {
    const at = new Date(metric.requestTime).getTime();
    if (at > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new AppError(
        "BAD_INPUT",
        `Invalid request: data.${index}.requestTime: ${metric.requestTime} is in the future (now ${now.toISOString()}).`,
      );
    }
    if (at < now.getTime() - MAX_AGE_DAYS * 86_400_000) {
      throw new AppError(
        "BAD_INPUT",
        `Invalid request: data.${index}.requestTime: ${metric.requestTime} is more than ${MAX_AGE_DAYS} days old.`,
      );
    }
  });
}

export async function ingestMetricsReport(ctx: IngestContext, scope: ApiKeyScope, report: MetricsReport) {
  const environmentId = await resolveEnvironment(ctx, scope, report.environment);
  const now = ctx.clock.now();
  checkTimes(report, now);
  const rows = report.data.flatMap(metricDayRows);
  const days = await writeEndpointMetrics(
    ctx.sql,
    { institutionId: scope.institutionId, environmentId, apiKeyId: scope.apiKeyId, receivedAt: now },
    rows,
  );
  // The figures are stored whatever happens next; a failed reconciliation is retried by the next report.
  await reconcileHealthIncidents(ctx, environmentId).catch((err: unknown) => {
    ctx.log.error({ err, environmentId }, "health incidents not reconciled");
  });
  return { environmentId, days };
}
