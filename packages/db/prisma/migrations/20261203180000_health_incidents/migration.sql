-- CreateTable
CREATE TABLE "health_incident" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "firstDay" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "health_incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "emailedTo" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "emailError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "health_incident_environmentId_resolvedAt_idx" ON "health_incident"("environmentId", "resolvedAt");

-- CreateIndex
CREATE INDEX "notification_institutionId_createdAt_idx" ON "notification"("institutionId", "createdAt");

-- AddForeignKey
ALTER TABLE "health_incident" ADD CONSTRAINT "health_incident_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_incident" ADD CONSTRAINT "health_incident_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One open incident per environment, rule and endpoint: two reports arriving at once open it once.
CREATE UNIQUE INDEX "health_incident_one_open" ON "health_incident"("environmentId", "rule", "endpoint") WHERE "resolvedAt" IS NULL;
