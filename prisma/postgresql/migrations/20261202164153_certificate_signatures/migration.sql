-- AlterTable
ALTER TABLE "certificate_version" ADD COLUMN     "signedAt" TIMESTAMP(3),
ADD COLUMN     "signerSubject" TEXT;

-- CreateTable
CREATE TABLE "signing_key" (
    "id" TEXT NOT NULL,
    "keyPem" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signing_key_pkey" PRIMARY KEY ("id")
);

