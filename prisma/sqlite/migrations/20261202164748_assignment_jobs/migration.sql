-- CreateTable
CREATE TABLE "assignment_job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "targetUnitId" TEXT,
    "personIds" TEXT,
    "unknownNips" TEXT,
    "scopeUnitIds" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "activeAgencyId" TEXT,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "moved" INTEGER NOT NULL DEFAULT 0,
    "certified" INTEGER NOT NULL DEFAULT 0,
    "already" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "assignment_job_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "assignment_job_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "assignment_job_activeAgencyId_key" ON "assignment_job"("activeAgencyId");

-- CreateIndex
CREATE INDEX "assignment_job_agencyId_createdAt_idx" ON "assignment_job"("agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "assignment_job_status_claimedUntil_idx" ON "assignment_job"("status", "claimedUntil");

