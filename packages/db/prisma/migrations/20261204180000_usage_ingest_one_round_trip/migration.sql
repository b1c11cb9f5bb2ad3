-- A batch of usage events written in one round trip (issue 10, ingest speed): the institution's
-- shared usage lock, then one statement for idempotency keys, raw events, hourly and daily rollups and
-- late-month markers, in one function call that runs as its own transaction (no BEGIN / COMMIT round
-- trips). Called by apps/api/src/domain/usage/write-usage-events.ts, which documents the statement.
--
-- The lock is taken before the statement's snapshot: a volatile PL/pgSQL function takes a new snapshot
-- for each statement (READ COMMITTED), so the statement sees any report finalized before the lock was
-- granted, and an event is either in the rollups a report was computed from or booked as late.
--
-- Only events that were not accepted come back ('duplicate': its key existed; 'late': accepted into an
-- already finalized month): usually a handful of rows instead of one per event.
CREATE FUNCTION usage_ingest_batch(
  p_institution_id TEXT,
  p_event_ids TEXT[],
  p_meter_ids TEXT[],
  p_environment_ids TEXT[],
  p_quantities NUMERIC[],
  p_occurred_at TIMESTAMPTZ[],
  p_dimensions JSONB[],
  p_group_keys TEXT[],
  p_received_at TIMESTAMPTZ
) RETURNS TABLE (event_id TEXT, status TEXT) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
  -- 727100002: USAGE_LOCK_CLASS in apps/api/src/domain/usage/usage-lock.ts.
  PERFORM pg_advisory_xact_lock_shared(727100002, hashtext(p_institution_id));
  RETURN QUERY
  WITH input AS (
    SELECT * FROM unnest(p_event_ids, p_meter_ids, p_environment_ids, p_quantities, p_occurred_at, p_dimensions, p_group_keys)
      AS t(event_id, meter_id, environment_id, quantity, occurred_at, dimensions, group_key)
  ),
  -- Sorted, so concurrent batches lock key and rollup rows in the same order (no deadlocks).
  keys AS (
    INSERT INTO usage_event_key (institution_id, event_id, occurred_at)
    SELECT p_institution_id, input.event_id, input.occurred_at FROM input ORDER BY input.event_id
    ON CONFLICT DO NOTHING
    RETURNING usage_event_key.event_id
  ),
  -- The São Paulo day once per event: the daily rollup's bucket and, through it, the billing month.
  fresh AS (
    SELECT input.*, (input.occurred_at AT TIME ZONE 'America/Sao_Paulo')::date AS day
    FROM input JOIN keys USING (event_id)
  ),
  finalized AS (
    SELECT r.month FROM usage_report r
    WHERE r."institutionId" = p_institution_id AND r.month IN (SELECT DISTINCT to_char(fresh.day, 'YYYY-MM') FROM fresh)
  ),
  raw AS (
    INSERT INTO usage_event (institution_id, event_id, meter_id, environment_id, quantity, occurred_at, dimensions, group_key, received_at)
    SELECT p_institution_id, f.event_id, f.meter_id, f.environment_id, f.quantity, f.occurred_at, f.dimensions, f.group_key, p_received_at
    FROM fresh f
  ),
  -- Counts and sums add up, max keeps the greater, and "latest" keeps the value with the later
  -- timestamp (the greater value on a tie, so order never matters): max over [epoch, quantity] pairs
  -- picks exactly that without a per-group sort. The UTC hour by date_bin: the same instant as
  -- date_trunc('hour', …, 'UTC') without a time zone lookup per event.
  hourly AS (
    INSERT INTO usage_rollup_hourly AS r (institution_id, meter_id, environment_id, hour, group_key,
        event_count, quantity_sum, quantity_max, latest_quantity, latest_at)
    SELECT p_institution_id, f.meter_id, f.environment_id, date_bin('1 hour', f.occurred_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), f.group_key,
        count(*), sum(f.quantity), max(f.quantity), (max(ARRAY[extract(epoch FROM f.occurred_at), f.quantity]))[2], max(f.occurred_at)
    FROM fresh f GROUP BY 2, 3, 4, 5 ORDER BY 2, 4, 3, 5
    ON CONFLICT (institution_id, meter_id, hour, environment_id, group_key) DO UPDATE SET
      event_count = r.event_count + EXCLUDED.event_count,
      quantity_sum = r.quantity_sum + EXCLUDED.quantity_sum,
      quantity_max = GREATEST(r.quantity_max, EXCLUDED.quantity_max),
      latest_quantity = CASE
        WHEN EXCLUDED.latest_at > r.latest_at THEN EXCLUDED.latest_quantity
        WHEN EXCLUDED.latest_at < r.latest_at THEN r.latest_quantity
        ELSE GREATEST(r.latest_quantity, EXCLUDED.latest_quantity) END,
      latest_at = GREATEST(r.latest_at, EXCLUDED.latest_at)
  ),
  daily AS (
    INSERT INTO usage_rollup_daily AS r (institution_id, meter_id, environment_id, day, group_key,
        event_count, quantity_sum, quantity_max, latest_quantity, latest_at)
    SELECT p_institution_id, f.meter_id, f.environment_id, f.day, f.group_key,
        count(*), sum(f.quantity), max(f.quantity), (max(ARRAY[extract(epoch FROM f.occurred_at), f.quantity]))[2], max(f.occurred_at)
    FROM fresh f GROUP BY 2, 3, 4, 5 ORDER BY 2, 4, 3, 5
    ON CONFLICT (institution_id, meter_id, day, environment_id, group_key) DO UPDATE SET
      event_count = r.event_count + EXCLUDED.event_count,
      quantity_sum = r.quantity_sum + EXCLUDED.quantity_sum,
      quantity_max = GREATEST(r.quantity_max, EXCLUDED.quantity_max),
      latest_quantity = CASE
        WHEN EXCLUDED.latest_at > r.latest_at THEN EXCLUDED.latest_quantity
        WHEN EXCLUDED.latest_at < r.latest_at THEN r.latest_quantity
        ELSE GREATEST(r.latest_quantity, EXCLUDED.latest_quantity) END,
      latest_at = GREATEST(r.latest_at, EXCLUDED.latest_at)
  ),
  late AS (
    INSERT INTO usage_late_month (institution_id, month) SELECT p_institution_id, finalized.month FROM finalized ON CONFLICT DO NOTHING
  )
  SELECT input.event_id, 'duplicate'::text FROM input WHERE NOT EXISTS (SELECT FROM keys WHERE keys.event_id = input.event_id)
  UNION ALL
  SELECT fresh.event_id, 'late'::text FROM fresh
  WHERE EXISTS (SELECT FROM finalized) AND to_char(fresh.day, 'YYYY-MM') IN (SELECT finalized.month FROM finalized);
END $$;
