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
    "employmentType" "EmploymentType",
    "unitId" TEXT,
    "role" "Role",
    "identityStatus" "IdentityStatus",
    "identityMethod" TEXT,
    "identityVerifiedAt" TIMESTAMP(3),
    "identityVerifiedById" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "stagedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "roster_import_staging_pkey" PRIMARY KEY ("importId","seq")
);

-- CreateIndex
CREATE INDEX "roster_import_staging_stagedAt_idx" ON "roster_import_staging"("stagedAt");

