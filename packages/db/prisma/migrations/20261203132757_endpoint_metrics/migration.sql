-- CreateTable
CREATE TABLE "endpoint_metric_day" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "endpoint" TEXT NOT NULL,
    "invocations" INTEGER NOT NULL,
    "averageResponseMs" INTEGER NOT NULL,
    "averageTps" INTEGER NOT NULL,
    "peakTps" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "rejections" INTEGER NOT NULL,
    "p95ResponseMs" INTEGER,
    "uptimeRate" DECIMAL(7,6),
    "generalUptimeRate" DECIMAL(7,6),
    "generalDowntimeSeconds" INTEGER,
    "scheduledOutageSeconds" INTEGER,
    "partialDowntimeSeconds" INTEGER,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "endpoint_metric_day_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "endpoint_metric_revision" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "metricDayId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "figures" JSONB NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "apiKeyId" TEXT,

    CONSTRAINT "endpoint_metric_revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "endpoint_metric_day_institutionId_day_idx" ON "endpoint_metric_day"("institutionId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "endpoint_metric_day_environmentId_day_endpoint_key" ON "endpoint_metric_day"("environmentId", "day", "endpoint");

-- CreateIndex
CREATE UNIQUE INDEX "endpoint_metric_revision_metricDayId_revision_key" ON "endpoint_metric_revision"("metricDayId", "revision");

-- AddForeignKey
ALTER TABLE "endpoint_metric_day" ADD CONSTRAINT "endpoint_metric_day_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "endpoint_metric_day" ADD CONSTRAINT "endpoint_metric_day_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "endpoint_metric_revision" ADD CONSTRAINT "endpoint_metric_revision_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "endpoint_metric_revision" ADD CONSTRAINT "endpoint_metric_revision_metricDayId_fkey" FOREIGN KEY ("metricDayId") REFERENCES "endpoint_metric_day"("id") ON DELETE CASCADE ON UPDATE CASCADE;
