-- CreateEnum
CREATE TYPE "SignupStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "institution" ADD COLUMN     "exportedAt" TIMESTAMP(3),
ADD COLUMN     "offboardingStartedAt" TIMESTAMP(3),
ADD COLUMN     "retentionUntil" TIMESTAMP(3),
ADD COLUMN     "wizardStep" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "signup_request" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "cnpj" TEXT NOT NULL,
    "status" "SignupStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "institutionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signup_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "signup_request_status_createdAt_idx" ON "signup_request"("status", "createdAt");

-- CreateIndex
CREATE INDEX "signup_request_email_idx" ON "signup_request"("email");
