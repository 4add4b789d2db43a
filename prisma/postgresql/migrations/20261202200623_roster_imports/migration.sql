-- CreateTable
CREATE TABLE "roster_import" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "importedById" TEXT,
    "fileName" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL,
    "created" INTEGER NOT NULL,

    CONSTRAINT "roster_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "roster_import_person" (
    "importId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "roster_import_person_pkey" PRIMARY KEY ("importId","userId")
);

-- CreateIndex
CREATE INDEX "roster_import_agencyId_importedAt_idx" ON "roster_import"("agencyId", "importedAt");

-- CreateIndex
CREATE INDEX "roster_import_importedById_idx" ON "roster_import"("importedById");

-- CreateIndex
CREATE INDEX "roster_import_person_userId_idx" ON "roster_import_person"("userId");

-- AddForeignKey
ALTER TABLE "roster_import" ADD CONSTRAINT "roster_import_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roster_import" ADD CONSTRAINT "roster_import_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roster_import_person" ADD CONSTRAINT "roster_import_person_importId_fkey" FOREIGN KEY ("importId") REFERENCES "roster_import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roster_import_person" ADD CONSTRAINT "roster_import_person_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

