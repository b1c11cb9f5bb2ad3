-- AlterTable
ALTER TABLE "operation" ADD COLUMN     "requestId" TEXT,
ADD COLUMN     "traceParent" TEXT;
