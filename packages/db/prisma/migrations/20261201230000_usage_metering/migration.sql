-- CreateEnum
CREATE TYPE "ApiKeyOrigin" AS ENUM ('CONSOLE', 'INSTALL_BUNDLE');

-- CreateEnum
CREATE TYPE "MeterAggregation" AS ENUM ('COUNT', 'SUM', 'MAX', 'LATEST');

-- CreateEnum
CREATE TYPE "MeterSource" AS ENUM ('API', 'CONTROL_PLANE');

-- CreateEnum
CREATE TYPE "UsageReportStatus" AS ENUM ('FINALIZED');

-- CreateEnum
CREATE TYPE "AdjustmentStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "api_key" ADD COLUMN     "environmentId" TEXT,
ADD COLUMN     "name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "origin" "ApiKeyOrigin" NOT NULL DEFAULT 'CONSOLE',
ADD COLUMN     "revokedById" TEXT;

-- CreateTable
CREATE TABLE "meter" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "aggregation" "MeterAggregation" NOT NULL,
    "dimensions" TEXT[],
    "source" "MeterSource" NOT NULL DEFAULT 'API',
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_price_version" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "effectiveMonth" TEXT NOT NULL,
    "baseFees" JSONB NOT NULL,
    "meterPrices" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_price_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_report" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "status" "UsageReportStatus" NOT NULL DEFAULT 'FINALIZED',
    "canonical" TEXT NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "totalCentavos" BIGINT NOT NULL,
    "finalizedById" TEXT,
    "finalizedByEmail" TEXT,
    "finalizedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "usage_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_adjustment" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "amountCentavos" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "AdjustmentStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_adjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_correction" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "oldQuantity" TEXT NOT NULL,
    "newQuantity" TEXT,
    "reason" TEXT NOT NULL,
    "correctedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "meter_code_key" ON "meter"("code");

-- CreateIndex
CREATE UNIQUE INDEX "plan_price_version_planId_effectiveMonth_key" ON "plan_price_version"("planId", "effectiveMonth");

-- CreateIndex
CREATE INDEX "usage_report_month_idx" ON "usage_report"("month");

-- CreateIndex
CREATE UNIQUE INDEX "usage_report_institutionId_month_key" ON "usage_report"("institutionId", "month");

-- CreateIndex
CREATE INDEX "usage_adjustment_institutionId_month_idx" ON "usage_adjustment"("institutionId", "month");

-- CreateIndex
CREATE INDEX "usage_adjustment_status_idx" ON "usage_adjustment"("status");

-- CreateIndex
CREATE INDEX "usage_correction_institutionId_eventId_idx" ON "usage_correction"("institutionId", "eventId");

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_price_version" ADD CONSTRAINT "plan_price_version_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_report" ADD CONSTRAINT "usage_report_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_adjustment" ADD CONSTRAINT "usage_adjustment_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_correction" ADD CONSTRAINT "usage_correction_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────── Raw usage events and rollups (not expressible in Prisma) ─────────────

-- One row per accepted event. Partitioned by calendar month in America/Sao_Paulo (the billing month),
-- so a month's events can be archived or dropped as a whole. No foreign keys: a batch of 1,000 rows
-- must not pay 1,000 lookups; an institution's rows are removed by the trigger further down.
CREATE TABLE "usage_event" (
    "institution_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "meter_id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "quantity" NUMERIC NOT NULL CHECK ("quantity" >= 0),
    "occurred_at" TIMESTAMPTZ NOT NULL,
    "dimensions" JSONB NOT NULL,
    -- The event's values for the meter's declared dimensions, as canonical JSON text (sorted keys):
    -- the rollups group by it, and text compares faster than JSONB.
    "group_key" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ NOT NULL,
    -- Corrections keep the original row: voided rows no longer count.
    "voided_at" TIMESTAMPTZ,
    -- Set on the row an amendment adds: the event it replaces.
    "amends_event_id" TEXT
) PARTITION BY RANGE ("occurred_at");

-- BRIN: events arrive roughly in time order, so a block-range index finds an hour's or an event's rows
-- (corrections) for almost nothing per insert, where a B-tree would cost ingestion a second index write.
CREATE INDEX "usage_event_occurred_brin" ON "usage_event" USING BRIN ("occurred_at");

-- Deduplication for the life of the events: one row per (institution, client id), whatever its month.
-- A partitioned table's unique keys must contain the partition key, which would let the same id
-- count once per month; this table is the single guard.
CREATE TABLE "usage_event_key" (
    "institution_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "usage_event_key_pkey" PRIMARY KEY ("institution_id", "event_id")
);

-- Creates the partition of one São Paulo month ("YYYY-MM"); a no-op when it exists.
CREATE FUNCTION usage_ensure_partition(month TEXT) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  first_day DATE := to_date(month || '-01', 'YYYY-MM-DD');
  name TEXT := 'usage_event_' || replace(month, '-', '_');
BEGIN
  EXECUTE format(
    'CREATE TABLE IF NOT EXISTS %I PARTITION OF usage_event FOR VALUES FROM (%L) TO (%L)',
    name,
    (first_day::timestamp AT TIME ZONE 'America/Sao_Paulo'),
    ((first_day + INTERVAL '1 month')::timestamp AT TIME ZONE 'America/Sao_Paulo')
  );
END $$;

SELECT usage_ensure_partition(to_char(m, 'YYYY-MM')) FROM generate_series(DATE '2025-01-01', DATE '2027-12-01', INTERVAL '1 month') AS m;
-- Events outside the prepared months still land somewhere; the worker prepares months ahead.
CREATE TABLE "usage_event_default" PARTITION OF "usage_event" DEFAULT;

-- Rollups maintained in the same transaction as the events (one aggregated upsert per batch).
-- Every aggregation is kept, so a meter's aggregation is read, not recomputed.
CREATE TABLE "usage_rollup_hourly" (
    "institution_id" TEXT NOT NULL,
    "meter_id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ NOT NULL,
    "group_key" TEXT NOT NULL,
    "event_count" BIGINT NOT NULL,
    "quantity_sum" NUMERIC NOT NULL,
    "quantity_max" NUMERIC NOT NULL,
    "latest_quantity" NUMERIC NOT NULL,
    "latest_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "usage_rollup_hourly_pkey" PRIMARY KEY ("institution_id", "meter_id", "hour", "environment_id", "group_key")
);

-- "day" is the calendar day in America/Sao_Paulo.
CREATE TABLE "usage_rollup_daily" (
    "institution_id" TEXT NOT NULL,
    "meter_id" TEXT NOT NULL,
    "environment_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "group_key" TEXT NOT NULL,
    "event_count" BIGINT NOT NULL,
    "quantity_sum" NUMERIC NOT NULL,
    "quantity_max" NUMERIC NOT NULL,
    "latest_quantity" NUMERIC NOT NULL,
    "latest_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "usage_rollup_daily_pkey" PRIMARY KEY ("institution_id", "day", "meter_id", "environment_id", "group_key")
);
CREATE INDEX "usage_rollup_daily_day_idx" ON "usage_rollup_daily" ("day");

-- Months that received events after their report was finalized: the next report books the difference.
CREATE TABLE "usage_late_month" (
    "institution_id" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    CONSTRAINT "usage_late_month_pkey" PRIMARY KEY ("institution_id", "month")
);

CREATE FUNCTION usage_forget_institution() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM usage_event WHERE institution_id = OLD.id;
  DELETE FROM usage_event_key WHERE institution_id = OLD.id;
  DELETE FROM usage_rollup_hourly WHERE institution_id = OLD.id;
  DELETE FROM usage_rollup_daily WHERE institution_id = OLD.id;
  DELETE FROM usage_late_month WHERE institution_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER "institution_forget_usage" AFTER DELETE ON "institution" FOR EACH ROW EXECUTE FUNCTION usage_forget_institution();

-- A finalized report never changes (deleting the institution still removes its reports).
CREATE FUNCTION usage_report_immutable() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'usage_report % is finalized and cannot change', OLD.id USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER "usage_report_no_update" BEFORE UPDATE ON "usage_report" FOR EACH ROW EXECUTE FUNCTION usage_report_immutable();

-- Seeded meters (data, not code: Opus admins add and retire others).
INSERT INTO "meter" ("id", "code", "name", "unit", "aggregation", "dimensions", "source") VALUES
  ('meter_api_calls', 'api_calls', 'API calls', 'call', 'COUNT', ARRAY['family'], 'API'),
  ('meter_active_consents', 'active_consents', 'Active consents', 'consent', 'MAX', ARRAY[]::TEXT[], 'API'),
  ('meter_payments_initiated', 'payments_initiated', 'Payments initiated', 'payment', 'COUNT', ARRAY[]::TEXT[], 'API'),
  ('meter_environment_days', 'environment_days', 'Environment-days', 'environment-day', 'SUM', ARRAY['environment_kind'], 'CONTROL_PLANE');
