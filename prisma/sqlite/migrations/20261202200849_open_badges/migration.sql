-- CreateTable
CREATE TABLE "badge_signing_key" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "keyPem" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "certificate_badge" (
    "certificateId" TEXT NOT NULL PRIMARY KEY,
    "statusIndex" INTEGER NOT NULL,
    "salt" TEXT NOT NULL,
    "identityHash" TEXT NOT NULL,
    "passMark" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "certificate_badge_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "certificate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "certificate_badge_statusIndex_key" ON "certificate_badge"("statusIndex");

