// For a rollout's health gate: has each environment stayed within every threshold since `since`
// (its upgrade)? Breaches of days before it belong to the previous release and do not count, nor
// does a 90-day window that was already breached the day before (its old downtime is not the new
// release's); a window that goes into breach afterwards does. The judgement is per São Paulo day
// (the unit installations report in), so the upgrade's own day counts.
// One query for all of them: a gate judges a whole wave at every orchestrator step.

import type { Db, Prisma } from "@opus/db/client";
import { type Breach, environmentHealth } from "@opus/rules/environment-health";
import { addDays } from "@opus/rules/regulatory-verdicts";
import { billingDayOf } from "../usage/sao-paulo-time.ts";
import { healthWindow, toFigures, windowRows } from "./metric-rows.ts";

export type HealthVerdict = {
  environmentId: string;
  healthy: boolean;
  /** Whether the installation reported any day since the upgrade: a gate cannot pass on silence. */
  reportedSince: boolean;
  breaches: Pick<Breach, "rule" | "endpoint" | "day">[];
};

export async function environmentHealthVerdicts(
  db: Db | Prisma.TransactionClient,
  now: Date,
  subjects: { environmentId: string; since: Date }[],
): Promise<HealthVerdict[]> {
  if (subjects.length === 0) return [];
  const rows = await windowRows(db, { environmentId: { in: subjects.map((s) => s.environmentId) } }, now);
  const asOf = healthWindow(now).asOf;
  return subjects.map(({ environmentId, since }) => {
    const sinceDay = billingDayOf(since);
    const own = rows.filter((r) => r.environmentId === environmentId);
    const figures = own.map(toFigures);
    const health = environmentHealth(figures, asOf);
    const dayBefore = addDays(sinceDay, -1);
    const breachedBefore = new Set(
      environmentHealth(
        figures.filter((f) => f.day <= dayBefore),
        dayBefore,
      )
        .breaches.filter((b) => b.rule === "availability.window")
        .map((b) => b.endpoint),
    );
    const breaches = health.breaches
      .filter((b) => b.day >= sinceDay)
      .filter((b) => b.rule !== "availability.window" || (health.currentBreaches.includes(b) && !breachedBefore.has(b.endpoint)))
      .map((b) => ({ rule: b.rule, endpoint: b.endpoint, day: b.day }));
    const reportedSince = own.some((r) => r.day.toISOString().slice(0, 10) >= sinceDay);
    return { environmentId, healthy: reportedSince && breaches.length === 0, reportedSince, breaches };
  });
}
