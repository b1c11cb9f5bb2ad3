-- CreateEnum
CREATE TYPE "GoLiveStageKey" AS ENUM ('ENVIRONMENTS', 'OPENID_CERTIFICATION', 'CONSENT_SCREENS', 'INTEGRATION_LAYER', 'MIGRATION', 'FINAL_TESTS_DIRECTORY', 'DIRECTORY_CERTIFICATES', 'GO_LIVE');

-- CreateEnum
CREATE TYPE "GoLiveStageState" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE');

-- AlterEnum
ALTER TYPE "ApprovalAction" ADD VALUE 'GO_LIVE_OVERRIDE';

-- CreateTable
CREATE TABLE "go_live_plan" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "deliveryManagerId" TEXT NOT NULL,
    "migrationRequired" BOOLEAN NOT NULL DEFAULT false,
    "goLiveAt" TIMESTAMP(3),
    "goLiveById" TEXT,
    "overrideReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "go_live_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "go_live_stage" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "stage" "GoLiveStageKey" NOT NULL,
    "state" "GoLiveStageState" NOT NULL DEFAULT 'NOT_STARTED',
    "ownerName" TEXT,
    "dueOn" DATE,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "go_live_stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "go_live_evidence" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "go_live_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "go_live_plan_institutionId_key" ON "go_live_plan"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "go_live_stage_institutionId_stage_key" ON "go_live_stage"("institutionId", "stage");

-- CreateIndex
CREATE INDEX "go_live_evidence_stageId_idx" ON "go_live_evidence"("stageId");

-- AddForeignKey
ALTER TABLE "go_live_plan" ADD CONSTRAINT "go_live_plan_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "go_live_stage" ADD CONSTRAINT "go_live_stage_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "go_live_stage" ADD CONSTRAINT "go_live_stage_planId_fkey" FOREIGN KEY ("planId") REFERENCES "go_live_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "go_live_evidence" ADD CONSTRAINT "go_live_evidence_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "go_live_evidence" ADD CONSTRAINT "go_live_evidence_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "go_live_stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
