// For a rollout's health gate: has this environment stayed within every threshold since `since`
// (the upgrade)? Breaches of days before it belong to the previous release and do not count.

import type { Db } from "@opus/db/client";
import { environmentHealth } from "@opus/rules/environment-health";
import type { Clock } from "../domain-context.ts";
import { billingDayOf } from "../usage/sao-paulo-time.ts";
import { healthWindow, toFigures, windowRows } from "./metric-rows.ts";

export async function environmentHealthVerdict(ctx: { db: Db; clock: Clock }, environmentId: string, since: Date) {
  const now = ctx.clock.now();
  const sinceDay = billingDayOf(since);
  const rows = await windowRows(ctx.db, { environmentId }, now);
  const health = environmentHealth(rows.map(toFigures), healthWindow(now).asOf);
  const breaches = health.breaches
    .filter((b) => b.day >= sinceDay && (b.rule !== "availability.window" || health.currentBreaches.includes(b)))
    .map((b) => ({ rule: b.rule, endpoint: b.endpoint, day: b.day }));
  const reportedSince = rows.some((r) => r.day.toISOString().slice(0, 10) >= sinceDay);
  return { environmentId, healthy: reportedSince && breaches.length === 0, reportedSince, breaches };
}
