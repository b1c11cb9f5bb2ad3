-- CreateEnum
CREATE TYPE "ReleaseStatus" AS ENUM ('DRAFT', 'AVAILABLE', 'DEPRECATED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReleaseChannel" AS ENUM ('FAST', 'REGULAR', 'SLOW');

-- CreateEnum
CREATE TYPE "RolloutStatus" AS ENUM ('PLANNED', 'RUNNING', 'PAUSED', 'HALTED', 'SUCCEEDED', 'ABORTED');

-- CreateEnum
CREATE TYPE "RolloutWaveStatus" AS ENUM ('PENDING', 'AWAITING_APPROVAL', 'RUNNING', 'SOAKING', 'SUCCEEDED', 'HALTED');

-- CreateEnum
CREATE TYPE "RolloutTargetStatus" AS ENUM ('WAITING', 'UPGRADING', 'UPGRADED', 'FAILED', 'SKIPPED', 'NOTIFIED', 'ROLLING_BACK', 'ROLLED_BACK');

-- AlterTable
ALTER TABLE "managed_account" ADD COLUMN     "kubernetesVersion" TEXT;

-- AlterTable
ALTER TABLE "environment" ADD COLUMN     "desiredReleaseVersion" TEXT,
ADD COLUMN     "freezes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "heartbeat" JSONB,
ADD COLUMN     "kubernetesVersion" TEXT,
ADD COLUMN     "lastHeartbeatAt" TIMESTAMP(3),
ADD COLUMN     "maintenanceWindows" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "pinnedReleaseVersion" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'America/Sao_Paulo',
ADD COLUMN     "updateChannel" "ReleaseChannel" NOT NULL DEFAULT 'REGULAR';

-- AlterTable
ALTER TABLE "operation" ADD COLUMN     "releaseVersion" TEXT;

-- CreateTable
CREATE TABLE "release" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "chart" TEXT NOT NULL,
    "chartRepository" TEXT NOT NULL,
    "chartVersion" TEXT NOT NULL,
    "images" JSONB NOT NULL,
    "modules" JSONB NOT NULL,
    "kubernetesMin" TEXT NOT NULL,
    "kubernetesMax" TEXT NOT NULL,
    "channel" "ReleaseChannel" NOT NULL,
    "status" "ReleaseStatus" NOT NULL DEFAULT 'DRAFT',
    "minUpgradableFrom" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "withdrawnById" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fleet_control" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "freezes" JSONB NOT NULL DEFAULT '[]',
    "emergencyHaltAt" TIMESTAMP(3),
    "emergencyHaltById" TEXT,
    "emergencyHaltReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "fleet_control_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rollout" (
    "id" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "releaseVersion" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "RolloutStatus" NOT NULL DEFAULT 'PLANNED',
    "selection" JSONB NOT NULL,
    "plan" JSONB NOT NULL,
    "planHash" TEXT NOT NULL,
    "previewFirst" BOOLEAN NOT NULL DEFAULT false,
    "haltReason" TEXT,
    "createdById" TEXT NOT NULL,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rollout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rollout_wave" (
    "id" TEXT NOT NULL,
    "rolloutId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "maxConcurrency" INTEGER NOT NULL,
    "soakMinutes" INTEGER NOT NULL,
    "failureThreshold" INTEGER NOT NULL,
    "requiresApproval" BOOLEAN NOT NULL DEFAULT false,
    "fourEyes" BOOLEAN NOT NULL DEFAULT false,
    "status" "RolloutWaveStatus" NOT NULL DEFAULT 'PENDING',
    "approvedById" TEXT,
    "approvedPlanHash" TEXT,
    "approvedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "soakUntil" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "rollout_wave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rollout_target" (
    "id" TEXT NOT NULL,
    "rolloutId" TEXT NOT NULL,
    "waveId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "selfManaged" BOOLEAN NOT NULL DEFAULT false,
    "status" "RolloutTargetStatus" NOT NULL DEFAULT 'WAITING',
    "position" INTEGER NOT NULL,
    "fromReleaseVersion" TEXT,
    "operationId" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "expectedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "rollout_target_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "release_version_key" ON "release"("version");

-- CreateIndex
CREATE INDEX "release_status_idx" ON "release"("status");

-- CreateIndex
CREATE INDEX "rollout_status_idx" ON "rollout"("status");

-- CreateIndex
CREATE UNIQUE INDEX "rollout_wave_rolloutId_position_key" ON "rollout_wave"("rolloutId", "position");

-- CreateIndex
CREATE INDEX "rollout_target_waveId_status_idx" ON "rollout_target"("waveId", "status");

-- CreateIndex
CREATE INDEX "rollout_target_institutionId_idx" ON "rollout_target"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "rollout_target_rolloutId_environmentId_key" ON "rollout_target"("rolloutId", "environmentId");

-- AddForeignKey
ALTER TABLE "rollout" ADD CONSTRAINT "rollout_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollout_wave" ADD CONSTRAINT "rollout_wave_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "rollout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollout_target" ADD CONSTRAINT "rollout_target_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "rollout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollout_target" ADD CONSTRAINT "rollout_target_waveId_fkey" FOREIGN KEY ("waveId") REFERENCES "rollout_wave"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollout_target" ADD CONSTRAINT "rollout_target_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
INSERT INTO "fleet_control" ("id", "updatedAt") VALUES (1, now()) ON CONFLICT DO NOTHING;
