-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_agency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "selfEnrolCohortId" TEXT,
    CONSTRAINT "agency_selfEnrolCohortId_fkey" FOREIGN KEY ("selfEnrolCohortId") REFERENCES "cohort" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_agency" ("code", "createdAt", "id", "name", "updatedAt") SELECT "code", "createdAt", "id", "name", "updatedAt" FROM "agency";
DROP TABLE "agency";
ALTER TABLE "new_agency" RENAME TO "agency";
CREATE UNIQUE INDEX "agency_code_key" ON "agency"("code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

