-- CreateTable
CREATE TABLE "agency_email_domain" (
    "domain" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agency_email_domain_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "agency_email_domain_agencyId_idx" ON "agency_email_domain"("agencyId");

