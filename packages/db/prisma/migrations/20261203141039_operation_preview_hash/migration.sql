-- AlterTable
ALTER TABLE "operation" ADD COLUMN     "previewOperationId" TEXT,
ADD COLUMN     "specHash" TEXT,
ADD COLUMN     "specInputsHash" TEXT,
ADD COLUMN     "specReleaseVersion" TEXT;

-- AddForeignKey
ALTER TABLE "operation" ADD CONSTRAINT "operation_previewOperationId_fkey" FOREIGN KEY ("previewOperationId") REFERENCES "operation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
