// Environment-days come from the control plane's own records: each worker pass records, for every
// environment that exists today (active or suspended: its resources are running or kept), one event
// for the current São Paulo day. The event id names the environment and the day, so the passes of
// every worker on the same day count once (the same deduplication as reported events).
import type { SqlPool } from "@opus/db/sql-pool";
import type { Clock, PublicDomainContext } from "../domain-context.ts";
import type { ResolvedEvent } from "./resolve-usage-events.ts";
import { billingDayOf } from "./sao-paulo-time.ts";
import { writeUsageEvents } from "./write-usage-events.ts";

export const ENVIRONMENT_DAYS_METER_ID = "meter_environment_days";

export async function recordEnvironmentDays(ctx: Pick<PublicDomainContext, "db"> & { sql: SqlPool; clock: Clock }): Promise<number> {
  const now = ctx.clock.now();
  const day = billingDayOf(now);
  const environments = await ctx.db.environment.findMany({
    where: { status: { in: ["ACTIVE", "SUSPENDED"] } },
    select: { id: true, kind: true, institutionId: true },
  });
  const byInstitution = new Map<string, ResolvedEvent[]>();
  for (const e of environments) {
    const list = byInstitution.get(e.institutionId) ?? [];
    const kind = e.kind.toLowerCase();
    list.push({
      index: list.length,
      id: `environment-day:${e.id}:${day}`,
      meterId: ENVIRONMENT_DAYS_METER_ID,
      environmentId: e.id,
      quantity: "1",
      occurredAtMs: now.getTime(),
      dimensions: JSON.stringify({ environment_kind: kind }),
      groupKey: JSON.stringify({ environment_kind: kind }),
    });
    byInstitution.set(e.institutionId, list);
  }
  let recorded = 0;
  for (const [institutionId, events] of byInstitution) {
    recorded += events.length - (await writeUsageEvents(ctx, institutionId, events)).duplicates.size;
  }
  return recorded;
}
