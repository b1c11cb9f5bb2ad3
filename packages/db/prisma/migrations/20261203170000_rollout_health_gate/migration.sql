-- AlterTable
ALTER TABLE "rollout_wave" ADD COLUMN     "healthGate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rollbackOnBreach" BOOLEAN NOT NULL DEFAULT false;
