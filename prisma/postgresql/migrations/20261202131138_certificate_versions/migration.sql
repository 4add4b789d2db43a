-- CreateEnum
CREATE TYPE "NameCorrectionStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateTable
CREATE TABLE "certificate_version" (
    "id" TEXT NOT NULL,
    "certificateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "fullName" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "nameCorrectionId" TEXT,
    "sha256" TEXT,
    "pdf" BYTEA,

    CONSTRAINT "certificate_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "name_correction_request" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "openForUserId" TEXT,
    "currentName" TEXT NOT NULL,
    "requestedName" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "NameCorrectionStatus" NOT NULL DEFAULT 'pending',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,

    CONSTRAINT "name_correction_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "certificate_version_nameCorrectionId_idx" ON "certificate_version"("nameCorrectionId");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_version_certificateId_version_key" ON "certificate_version"("certificateId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "name_correction_request_openForUserId_key" ON "name_correction_request"("openForUserId");

-- CreateIndex
CREATE INDEX "name_correction_request_userId_requestedAt_idx" ON "name_correction_request"("userId", "requestedAt");

-- CreateIndex
CREATE INDEX "name_correction_request_status_requestedAt_idx" ON "name_correction_request"("status", "requestedAt");

-- AddForeignKey
ALTER TABLE "certificate_version" ADD CONSTRAINT "certificate_version_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_version" ADD CONSTRAINT "certificate_version_nameCorrectionId_fkey" FOREIGN KEY ("nameCorrectionId") REFERENCES "name_correction_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "name_correction_request" ADD CONSTRAINT "name_correction_request_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "name_correction_request" ADD CONSTRAINT "name_correction_request_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Every certificate issued before versions existed becomes its version 1 (decision 043). Its PDF
-- and SHA-256 are filled by `npm run certificates:backfill` or on the first download or /verify.
INSERT INTO "certificate_version" ("id", "certificateId", "version", "fullName", "issuedAt", "reason")
SELECT 'v1_' || "id", "id", 1, "fullName", "issuedAt", 'Terbit' FROM "certificate";
