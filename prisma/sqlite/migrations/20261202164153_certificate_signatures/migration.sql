-- AlterTable
ALTER TABLE "certificate_version" ADD COLUMN "signedAt" DATETIME;
ALTER TABLE "certificate_version" ADD COLUMN "signerSubject" TEXT;

-- CreateTable
CREATE TABLE "signing_key" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "keyPem" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

