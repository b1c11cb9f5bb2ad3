-- CreateEnum
CREATE TYPE "ManagedCredentialsSource" AS ENUM ('STORED', 'AGENT');

-- AlterEnum
ALTER TYPE "ApiKeyPurpose" ADD VALUE 'AGENT';

-- AlterTable
ALTER TABLE "managed_account" ADD COLUMN     "agentSeenAt" TIMESTAMP(3),
ADD COLUMN     "agentVersion" TEXT,
ADD COLUMN     "credentialsSource" "ManagedCredentialsSource" NOT NULL DEFAULT 'STORED';
