-- CreateTable
CREATE TABLE "roster_import_staging" (
    "importId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "nip" TEXT,
    "employmentType" TEXT,
    "unitId" TEXT,
    "role" TEXT,
    "identityStatus" TEXT,
    "identityMethod" TEXT,
    "identityVerifiedAt" DATETIME,
    "identityVerifiedById" TEXT,
    "at" DATETIME NOT NULL,
    "stagedAt" DATETIME NOT NULL,

    PRIMARY KEY ("importId", "seq")
);

-- CreateIndex
CREATE INDEX "roster_import_staging_stagedAt_idx" ON "roster_import_staging"("stagedAt");

