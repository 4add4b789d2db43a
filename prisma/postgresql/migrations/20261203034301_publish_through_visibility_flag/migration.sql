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


-- The visibility rule (decision 053) reads "pendingImportId": appended to the indexes the people
-- counts and the people list read, so those stay index-only (covering) as before.
-- DropIndex
DROP INDEX "user_agencyId_enrolledInAgency_nip_identityStatus_idx";

-- CreateIndex
CREATE INDEX "user_agencyId_unassigned_idx" ON "user"("agencyId", "enrolledInAgency", "nip", "identityStatus", "pendingImportId");

-- Raw SQL (Prisma cannot express it): the people list's keyset order, decision 027.
DROP INDEX "user_agencyId_lower_name_id_idx";
CREATE INDEX "user_agencyId_lower_name_id_idx" ON "user" ("agencyId", LOWER("name"), "id", "nip", "identityStatus", "pendingImportId");

-- Raw SQL, decision 039: the partial index of counted people, for index-only counts.
DROP INDEX "user_counted_agency_idx";
CREATE INDEX "user_counted_agency_idx" ON "user" ("agencyId", "pendingImportId") WHERE "nip" IS NOT NULL OR "identityStatus" = 'rejected';
