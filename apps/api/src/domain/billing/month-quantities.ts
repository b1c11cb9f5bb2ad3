// A month's billable quantity per institution and meter, from the daily rollups only (never raw
// events). Per series (environment × dimension values) the meter's aggregation is applied over the
// month: count and sum add up, max keeps the peak, latest the last value; series are then added, so
// the peak of active consents in two environments is the sum of each environment's peak.
// One query per aggregation kind, each reading only its meters' rows: counts and sums need no
// per-series step, which is most of the rows (API calls).
import type { Db } from "@opus/db/client";
import { daysOfMonth } from "../usage/sao-paulo-time.ts";

export type MonthQuantities = Map<string, Map<string, string>>;

const SCOPE = "day BETWEEN $1::date AND $2::date AND meter_id = ANY($3::text[])";

function sql(aggregation: "COUNT" | "SUM" | "MAX" | "LATEST", byInstitution: boolean) {
  const where = byInstitution ? `${SCOPE} AND institution_id = ANY($4::text[])` : SCOPE;
  switch (aggregation) {
    case "COUNT":
      return `SELECT institution_id, meter_id, sum(event_count)::text AS quantity FROM usage_rollup_daily WHERE ${where} GROUP BY 1, 2`;
    case "SUM":
      return `SELECT institution_id, meter_id, sum(quantity_sum)::text AS quantity FROM usage_rollup_daily WHERE ${where} GROUP BY 1, 2`;
    case "MAX":
      return `SELECT institution_id, meter_id, sum(peak)::text AS quantity FROM (
                SELECT institution_id, meter_id, max(quantity_max) AS peak FROM usage_rollup_daily WHERE ${where}
                GROUP BY institution_id, meter_id, environment_id, group_key) series GROUP BY 1, 2`;
    case "LATEST":
      return `SELECT institution_id, meter_id, sum(latest_quantity)::text AS quantity FROM (
                SELECT DISTINCT ON (institution_id, meter_id, environment_id, group_key) institution_id, meter_id, latest_quantity
                FROM usage_rollup_daily WHERE ${where}
                ORDER BY institution_id, meter_id, environment_id, group_key, latest_at DESC, latest_quantity DESC) series GROUP BY 1, 2`;
  }
}

/** institutionId → meter code → quantity (exact decimal text). `institutionIds` null: the whole fleet. */
export async function monthQuantities(db: Db, month: string, institutionIds: string[] | null): Promise<MonthQuantities> {
  const days = daysOfMonth(month);
  const meters = await db.meter.findMany({ select: { id: true, code: true, aggregation: true } });
  const codeOf = new Map(meters.map((m) => [m.id, m.code]));
  const result: MonthQuantities = new Map();
  for (const aggregation of ["COUNT", "SUM", "MAX", "LATEST"] as const) {
    const ids = meters.filter((m) => m.aggregation === aggregation).map((m) => m.id);
    if (ids.length === 0) continue;
    const params: unknown[] = [days[0], days.at(-1), ids, ...(institutionIds ? [institutionIds] : [])];
    const rows = await db.$queryRawUnsafe<{ institution_id: string; meter_id: string; quantity: string }[]>(
      sql(aggregation, institutionIds !== null),
      ...params,
    );
    for (const row of rows) {
      const perMeter = result.get(row.institution_id) ?? new Map<string, string>();
      perMeter.set(codeOf.get(row.meter_id) ?? row.meter_id, normalise(row.quantity));
      result.set(row.institution_id, perMeter);
    }
  }
  return result;
}

/** NUMERIC text may carry trailing zeros ("12.500000"): one spelling per value, for stable hashes. */
function normalise(text: string): string {
  if (!text.includes(".")) return text;
  const trimmed = text.replace(/0+$/, "").replace(/\.$/, "");
  return trimmed === "" ? "0" : trimmed;
}
