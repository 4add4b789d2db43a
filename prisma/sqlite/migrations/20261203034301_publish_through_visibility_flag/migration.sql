-- Decision 053: a roster import writes its people straight into "user", invisible until the
-- import is published. Hand-written: Prisma's diff would redefine "user" (a copy of every row,
-- and the raw-SQL index and FTS triggers on it dropped); SQLite can add a nullable column with a
-- foreign key in place (its default is NULL).

-- AlterTable
ALTER TABLE "roster_import" ADD COLUMN "publishedAt" DATETIME;
ALTER TABLE "roster_import" ADD COLUMN "stagedAt" DATETIME;
-- Every import recorded so far was written by its publishing transaction.
UPDATE "roster_import" SET "publishedAt" = "importedAt", "stagedAt" = "importedAt";

-- AlterTable
ALTER TABLE "user" ADD COLUMN "pendingImportId" TEXT REFERENCES "roster_import" ("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "user_pendingImportId_idx" ON "user"("pendingImportId");

-- CreateIndex
CREATE INDEX "roster_import_publishedAt_stagedAt_idx" ON "roster_import"("publishedAt", "stagedAt");

-- The visibility rule (decision 053) reads "pendingImportId": appended to the indexes the people
-- counts and the people list read, so those stay index-only (covering) as before.
-- DropIndex
DROP INDEX "user_agencyId_enrolledInAgency_nip_identityStatus_idx";

-- CreateIndex
CREATE INDEX "user_agencyId_unassigned_idx" ON "user"("agencyId", "enrolledInAgency", "nip", "identityStatus", "pendingImportId");

-- Raw SQL (Prisma cannot express it): the people list's keyset order, decision 027.
DROP INDEX "user_agencyId_lower_name_id_idx";
CREATE INDEX "user_agencyId_lower_name_id_idx" ON "user" ("agencyId", LOWER("name"), "id", "nip", "identityStatus", "pendingImportId");
