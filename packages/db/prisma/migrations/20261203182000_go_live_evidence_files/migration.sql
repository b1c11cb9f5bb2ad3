-- AlterTable
ALTER TABLE "go_live_evidence" ADD COLUMN     "content" BYTEA,
ADD COLUMN     "contentType" TEXT,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "sha256" TEXT,
ADD COLUMN     "sizeBytes" INTEGER,
ALTER COLUMN "url" DROP NOT NULL;

-- Evidence is a link or a file, never neither.
ALTER TABLE "go_live_evidence" ADD CONSTRAINT "go_live_evidence_link_or_file" CHECK ("url" IS NOT NULL OR "content" IS NOT NULL);
