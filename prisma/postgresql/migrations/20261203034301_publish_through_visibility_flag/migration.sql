-- AlterTable
ALTER TABLE "user" ADD COLUMN     "pendingImportId" TEXT;

-- AlterTable
ALTER TABLE "roster_import" ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "stagedAt" TIMESTAMP(3);

-- Every import recorded so far was written by its publishing transaction (decision 053).
UPDATE "roster_import" SET "publishedAt" = "importedAt", "stagedAt" = "importedAt";

-- CreateIndex
CREATE INDEX "user_pendingImportId_idx" ON "user"("pendingImportId");

-- CreateIndex
CREATE INDEX "roster_import_publishedAt_stagedAt_idx" ON "roster_import"("publishedAt", "stagedAt");

-- AddForeignKey
ALTER TABLE "user" ADD CONSTRAINT "user_pendingImportId_fkey" FOREIGN KEY ("pendingImportId") REFERENCES "roster_import"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

