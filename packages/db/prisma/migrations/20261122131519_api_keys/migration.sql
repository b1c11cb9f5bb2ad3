-- CreateEnum
CREATE TYPE "ApiKeyPurpose" AS ENUM ('USAGE_REPORTING');

-- CreateTable
CREATE TABLE "api_key" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "purpose" "ApiKeyPurpose" NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_key_keyHash_key" ON "api_key"("keyHash");

-- CreateIndex
CREATE INDEX "api_key_institutionId_idx" ON "api_key"("institutionId");

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;
