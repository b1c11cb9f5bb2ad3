-- CreateTable
CREATE TABLE "environment_health_cache" (
    "environmentId" TEXT NOT NULL,
    "metricsVersion" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT,
    "asOf" TEXT,
    "judgedVersion" INTEGER,

    CONSTRAINT "environment_health_cache_pkey" PRIMARY KEY ("environmentId")
);

-- AddForeignKey
ALTER TABLE "environment_health_cache" ADD CONSTRAINT "environment_health_cache_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every change to an environment's endpoint-days, by any writer (the ingest, seeds, a hand fix),
-- makes its cached health status stale in the same transaction. Statement-level, after the rows are
-- written: the cache row is locked only once every endpoint-day row is, so two reports never wait
-- for each other in opposite orders. Environments being deleted (their rows cascading) are skipped.
CREATE FUNCTION environment_health_cache_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO environment_health_cache ("environmentId", "metricsVersion")
  SELECT DISTINCT c."environmentId", 1 FROM changed c
  WHERE EXISTS (SELECT 1 FROM environment e WHERE e.id = c."environmentId")
  ORDER BY 1
  ON CONFLICT ("environmentId") DO UPDATE SET "metricsVersion" = environment_health_cache."metricsVersion" + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER endpoint_metric_day_inserted AFTER INSERT ON endpoint_metric_day
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION environment_health_cache_invalidate();
CREATE TRIGGER endpoint_metric_day_updated AFTER UPDATE ON endpoint_metric_day
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION environment_health_cache_invalidate();
CREATE TRIGGER endpoint_metric_day_deleted AFTER DELETE ON endpoint_metric_day
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION environment_health_cache_invalidate();
