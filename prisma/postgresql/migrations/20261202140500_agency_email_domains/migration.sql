-- CreateTable
CREATE TABLE "agency_email_domain" (
    "domain" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_email_domain_pkey" PRIMARY KEY ("domain")
);

-- CreateIndex
CREATE INDEX "agency_email_domain_agencyId_idx" ON "agency_email_domain"("agencyId");

-- AddForeignKey
ALTER TABLE "agency_email_domain" ADD CONSTRAINT "agency_email_domain_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

