-- CreateTable
CREATE TABLE "roster_import" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agencyId" TEXT NOT NULL,
    "importedById" TEXT,
    "fileName" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL,
    "created" INTEGER NOT NULL,
    CONSTRAINT "roster_import_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "roster_import_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "roster_import_person" (
    "importId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("importId", "userId"),
    CONSTRAINT "roster_import_person_importId_fkey" FOREIGN KEY ("importId") REFERENCES "roster_import" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "roster_import_person_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "roster_import_agencyId_importedAt_idx" ON "roster_import"("agencyId", "importedAt");

-- CreateIndex
CREATE INDEX "roster_import_importedById_idx" ON "roster_import"("importedById");

-- CreateIndex
CREATE INDEX "roster_import_person_userId_idx" ON "roster_import_person"("userId");

