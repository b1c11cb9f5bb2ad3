-- usage_ingest_batch's statement is planned for each call's arrays. PL/pgSQL caches a statement's plan
-- and after five calls may keep a generic one, which guesses 10 rows for each unnest() of a parameter
-- array (hash tables and sorts sized for 10 events, not 1,000). Backend CPU per batch, one connection,
-- 150 batches in, five alternating runs each on a loaded machine: generic 24.8 ms (20.8–27.5), custom
-- 22.3 ms (21.3–23.3) (docs/benchmarks.md, ingest). A custom plan costs a fraction of a millisecond.
ALTER FUNCTION usage_ingest_batch(TEXT, TEXT[], TEXT[], TEXT[], NUMERIC[], TIMESTAMPTZ[], JSONB[], TEXT[], TIMESTAMPTZ)
  SET plan_cache_mode = force_custom_plan;
