// An institution's usage per São Paulo day and meter (and per API family for API calls), from the
// daily rollups: what the console charts.
import type { DomainContext } from "../domain-context.ts";
import { daysOfMonth } from "./sao-paulo-time.ts";

const SQL = `
WITH series AS (
  SELECT day, meter_id, environment_id, group_key,
         sum(event_count) AS events, sum(quantity_sum) AS total, max(quantity_max) AS peak,
         (array_agg(latest_quantity ORDER BY latest_at DESC, latest_quantity DESC))[1] AS latest
  FROM usage_rollup_daily WHERE institution_id = $1 AND day BETWEEN $2::date AND $3::date
  GROUP BY 1, 2, 3, 4
)
SELECT s.day::text AS day, m.code AS meter, (s.group_key::jsonb ->> 'family') AS family,
       (CASE m.aggregation WHEN 'COUNT' THEN sum(s.events) WHEN 'SUM' THEN sum(s.total)
                           WHEN 'MAX' THEN sum(s.peak) ELSE sum(s.latest) END)::text AS quantity
FROM series s JOIN meter m ON m.id = s.meter_id
GROUP BY 1, 2, 3, m.aggregation ORDER BY 1, 2, 3`;

export type DailyUsageRow = { day: string; meter: string; family: string | null; quantity: string };

export async function dailyUsage(ctx: DomainContext, input: { institutionId: string; month: string }) {
  const days = daysOfMonth(input.month);
  const rows = await ctx.db.$queryRawUnsafe<DailyUsageRow[]>(SQL, input.institutionId, days[0], days.at(-1));
  return { month: input.month, days, rows };
}
