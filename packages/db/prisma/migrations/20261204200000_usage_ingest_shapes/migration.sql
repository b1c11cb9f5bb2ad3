-- usage_ingest_batch, lighter for PostgreSQL (issue 10, ingest speed; docs/benchmarks.md, ingest shapes).
-- Same lock, same rules, same results as 20261204180000; what changed and why:
--
-- * A batch's events share a few shapes (meter, environment, dimensions, group key): the caller sends
--   each shape once and every event names its shape by number. PostgreSQL parsed 1,000 copies of the
--   same JSON and identifiers per batch (array_in and jsonb_in were 16% of the backend's CPU).
-- * Timestamps arrive as epoch milliseconds (the precision the API keeps): no date parsing per event.
-- * The daily rollup is summed from the batch's hourly groups, not from the events again. São Paulo's
--   offset has always been whole hours in the window events may have (400 days), so a UTC hour lies
--   within one São Paulo day: the time zone is looked up once per hourly group, not per event.
-- * Identifiers in the keys every batch descends (idempotency keys, rollup keys) compare byte by byte
--   (COLLATE "C"): PostgreSQL 15 compares "C.UTF-8" and other locales through strcoll, a tenth of the
--   key insert's CPU. They are identifiers, never sorted for people to read, so nothing else changes.
ALTER TABLE usage_event_key
  ALTER COLUMN institution_id TYPE TEXT COLLATE "C",
  ALTER COLUMN event_id TYPE TEXT COLLATE "C";
ALTER TABLE usage_rollup_hourly
  ALTER COLUMN institution_id TYPE TEXT COLLATE "C",
  ALTER COLUMN meter_id TYPE TEXT COLLATE "C",
  ALTER COLUMN environment_id TYPE TEXT COLLATE "C",
  ALTER COLUMN group_key TYPE TEXT COLLATE "C";
ALTER TABLE usage_rollup_daily
  ALTER COLUMN institution_id TYPE TEXT COLLATE "C",
  ALTER COLUMN meter_id TYPE TEXT COLLATE "C",
  ALTER COLUMN environment_id TYPE TEXT COLLATE "C",
  ALTER COLUMN group_key TYPE TEXT COLLATE "C";

-- The "latest" aggregation's rule for merging two values, written once for both rollups' upserts: the
-- value with the later timestamp, the greater value on a tie (so arrival order never matters). The
-- aggregate inside the batch picks the same with max over [milliseconds, quantity] pairs. A simple
-- IMMUTABLE SQL function: the planner inlines it, no call per row.
CREATE FUNCTION usage_latest_quantity(a_at TIMESTAMPTZ, a_quantity NUMERIC, b_at TIMESTAMPTZ, b_quantity NUMERIC)
RETURNS NUMERIC LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN b_at > a_at THEN b_quantity WHEN b_at < a_at THEN a_quantity ELSE GREATEST(a_quantity, b_quantity) END
$$;

DROP FUNCTION usage_ingest_batch(TEXT, TEXT[], TEXT[], TEXT[], NUMERIC[], TIMESTAMPTZ[], JSONB[], TEXT[], TIMESTAMPTZ);

CREATE FUNCTION usage_ingest_batch(
  p_institution_id TEXT,
  p_event_ids TEXT[],
  p_quantities NUMERIC[],
  p_occurred_ms BIGINT[],
  p_shapes INT[],
  p_shape_meter_ids TEXT[],
  p_shape_environment_ids TEXT[],
  p_shape_dimensions JSONB[],
  p_shape_group_keys TEXT[],
  p_received_at TIMESTAMPTZ
) RETURNS TABLE (event_id TEXT, status TEXT) LANGUAGE plpgsql VOLATILE
-- Planned for each call's arrays: a cached generic plan guesses 10 rows per unnest() (20261204181000).
SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
BEGIN
  -- 727100002: USAGE_LOCK_CLASS in apps/api/src/domain/usage/usage-lock.ts. Taken before the statement's
  -- snapshot, so the statement sees any report finalized before the lock was granted (20261204180000).
  PERFORM pg_advisory_xact_lock_shared(727100002, hashtext(p_institution_id));
  -- Events meet their shapes in an inner join: one naming a shape that was not sent would vanish
  -- while the caller counted it accepted. Refused whole instead.
  IF cardinality(p_shapes) IS DISTINCT FROM cardinality(p_event_ids)
    OR EXISTS (SELECT FROM unnest(p_shapes) AS s(n) WHERE n IS NULL OR n < 1 OR n > cardinality(p_shape_meter_ids)) THEN
    RAISE EXCEPTION 'usage_ingest_batch: every event must name one of the % shapes sent', cardinality(p_shape_meter_ids);
  END IF;
  RETURN QUERY
  WITH shape AS (
    SELECT * FROM unnest(p_shape_meter_ids, p_shape_environment_ids, p_shape_dimensions, p_shape_group_keys)
      WITH ORDINALITY AS s(meter_id, environment_id, dimensions, group_key, shape)
  ),
  input AS (
    SELECT t.event_id, t.quantity, t.ms, TIMESTAMPTZ 'epoch' + t.ms * INTERVAL '1 millisecond' AS occurred_at,
        s.meter_id, s.environment_id, s.dimensions, s.group_key
    FROM unnest(p_event_ids, p_quantities, p_occurred_ms, p_shapes) AS t(event_id, quantity, ms, shape)
    JOIN shape s ON s.shape = t.shape
  ),
  -- Sorted (in the index's byte order), so concurrent batches lock key and rollup rows in the same
  -- order (no deadlocks).
  keys AS (
    INSERT INTO usage_event_key (institution_id, event_id, occurred_at)
    SELECT p_institution_id, input.event_id, input.occurred_at FROM input ORDER BY input.event_id COLLATE "C"
    ON CONFLICT DO NOTHING
    RETURNING usage_event_key.event_id
  ),
  fresh AS (
    SELECT input.* FROM input JOIN keys USING (event_id)
  ),
  raw AS (
    INSERT INTO usage_event (institution_id, event_id, meter_id, environment_id, quantity, occurred_at, dimensions, group_key, received_at)
    SELECT p_institution_id, f.event_id, f.meter_id, f.environment_id, f.quantity, f.occurred_at, f.dimensions, f.group_key, p_received_at
    FROM fresh f
  ),
  -- Counts and sums add up, max keeps the greater, and "latest" keeps the value with the later
  -- timestamp (the greater value on a tie, so order never matters): max over [milliseconds, quantity]
  -- pairs picks exactly that without a per-group sort. The UTC hour by date_bin: the same instant as
  -- date_trunc('hour', …, 'UTC') without a time zone lookup per event.
  hours AS MATERIALIZED (
    SELECT f.meter_id, f.environment_id, date_bin('1 hour', f.occurred_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS hour, f.group_key,
        count(*) AS event_count, sum(f.quantity) AS quantity_sum, max(f.quantity) AS quantity_max,
        max(ARRAY[f.ms::numeric, f.quantity]) AS latest
    FROM fresh f GROUP BY 1, 2, 3, 4
  ),
  hourly AS (
    INSERT INTO usage_rollup_hourly AS r (institution_id, meter_id, environment_id, hour, group_key,
        event_count, quantity_sum, quantity_max, latest_quantity, latest_at)
    SELECT p_institution_id, h.meter_id, h.environment_id, h.hour, h.group_key,
        h.event_count, h.quantity_sum, h.quantity_max, h.latest[2], TIMESTAMPTZ 'epoch' + h.latest[1] * INTERVAL '1 millisecond'
    FROM hours h ORDER BY h.meter_id COLLATE "C", h.hour, h.environment_id COLLATE "C", h.group_key COLLATE "C"
    ON CONFLICT (institution_id, meter_id, hour, environment_id, group_key) DO UPDATE SET
      event_count = r.event_count + EXCLUDED.event_count,
      quantity_sum = r.quantity_sum + EXCLUDED.quantity_sum,
      quantity_max = GREATEST(r.quantity_max, EXCLUDED.quantity_max),
      latest_quantity = usage_latest_quantity(r.latest_at, r.latest_quantity, EXCLUDED.latest_at, EXCLUDED.latest_quantity),
      latest_at = GREATEST(r.latest_at, EXCLUDED.latest_at)
  ),
  -- The São Paulo day once per hourly group: the daily rollup's bucket and, through it, the billing month.
  days AS MATERIALIZED (
    SELECT h.meter_id, h.environment_id, (h.hour AT TIME ZONE 'America/Sao_Paulo')::date AS day, h.group_key,
        sum(h.event_count) AS event_count, sum(h.quantity_sum) AS quantity_sum, max(h.quantity_max) AS quantity_max,
        max(h.latest) AS latest
    FROM hours h GROUP BY 1, 2, 3, 4
  ),
  daily AS (
    INSERT INTO usage_rollup_daily AS r (institution_id, meter_id, environment_id, day, group_key,
        event_count, quantity_sum, quantity_max, latest_quantity, latest_at)
    SELECT p_institution_id, d.meter_id, d.environment_id, d.day, d.group_key,
        d.event_count, d.quantity_sum, d.quantity_max, d.latest[2], TIMESTAMPTZ 'epoch' + d.latest[1] * INTERVAL '1 millisecond'
    FROM days d ORDER BY d.meter_id COLLATE "C", d.day, d.environment_id COLLATE "C", d.group_key COLLATE "C"
    ON CONFLICT (institution_id, meter_id, day, environment_id, group_key) DO UPDATE SET
      event_count = r.event_count + EXCLUDED.event_count,
      quantity_sum = r.quantity_sum + EXCLUDED.quantity_sum,
      quantity_max = GREATEST(r.quantity_max, EXCLUDED.quantity_max),
      latest_quantity = usage_latest_quantity(r.latest_at, r.latest_quantity, EXCLUDED.latest_at, EXCLUDED.latest_quantity),
      latest_at = GREATEST(r.latest_at, EXCLUDED.latest_at)
  ),
  finalized AS (
    SELECT r.month FROM usage_report r
    WHERE r."institutionId" = p_institution_id AND r.month IN (SELECT DISTINCT to_char(days.day, 'YYYY-MM') FROM days)
  ),
  late AS (
    INSERT INTO usage_late_month (institution_id, month) SELECT p_institution_id, finalized.month FROM finalized ON CONFLICT DO NOTHING
  )
  SELECT input.event_id, 'duplicate'::text FROM input WHERE NOT EXISTS (SELECT FROM keys WHERE keys.event_id = input.event_id)
  UNION ALL
  SELECT fresh.event_id, 'late'::text FROM fresh
  WHERE EXISTS (SELECT FROM finalized)
    AND to_char((fresh.occurred_at AT TIME ZONE 'America/Sao_Paulo')::date, 'YYYY-MM') IN (SELECT finalized.month FROM finalized);
END $$;
