// One environment's health page: the verdicts of its 90-day window, per endpoint and per day.
import { environmentHealth } from "@opus/rules/environment-health";
import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { healthWindow, toFigures, windowRows } from "./metric-rows.ts";
import { rulesSummary } from "./rules-summary.ts";

export async function getEnvironmentHealth(ctx: DomainContext, input: { institutionId: string; environmentId: string }) {
  const db = scopedDb(ctx, input.institutionId);
  const environment = await db.environment.findFirst({
    where: { id: input.environmentId },
    select: {
      id: true,
      kind: true,
      status: true,
      releaseVersion: true,
      institution: { select: { id: true, legalName: true, deploymentMode: true } },
    },
  });
  if (!environment) throw new AppError("NOT_FOUND", "No such environment.");
  const now = ctx.clock.now();
  const rows = await windowRows(db, { environmentId: environment.id }, now);
  const lastReport = await db.endpointMetricDay.aggregate({ where: { environmentId: environment.id }, _max: { receivedAt: true } });
  return {
    environment,
    lastReportAt: lastReport._max.receivedAt,
    health: environmentHealth(rows.map(toFigures), healthWindow(now).asOf),
    rules: rulesSummary(),
  };
}
