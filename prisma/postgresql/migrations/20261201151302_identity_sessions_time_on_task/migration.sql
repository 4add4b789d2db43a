-- CreateEnum
CREATE TYPE "IdentityStatus" AS ENUM ('claimed', 'verified', 'rejected');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('pending', 'approved', 'rejected', 'cancelled');

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "disabledReason" TEXT,
ADD COLUMN     "identityMethod" TEXT,
ADD COLUMN     "identityRejectedAt" TIMESTAMP(3),
ADD COLUMN     "identityStatus" "IdentityStatus" NOT NULL DEFAULT 'claimed',
ADD COLUMN     "identityVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "identityVerifiedById" TEXT,
ADD COLUMN     "quizStartSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rejectedNip" TEXT;

-- AlterTable
ALTER TABLE "session" ADD COLUMN     "lastActiveAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "lesson_progress" ADD COLUMN     "activeSeconds" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastHeartbeatAt" TIMESTAMP(3),
ADD COLUMN     "openedAt" TIMESTAMP(3),
ADD COLUMN     "sectionsReached" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "rate_limit_counter" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" BIGINT NOT NULL,
    "blockedUntil" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "rate_limit_counter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "trusted_device" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trusted_device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transfer_request" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fromAgencyId" TEXT NOT NULL,
    "toAgencyId" TEXT NOT NULL,
    "toUnitId" TEXT,
    "status" "TransferStatus" NOT NULL DEFAULT 'pending',
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "note" TEXT,

    CONSTRAINT "transfer_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trusted_device_userId_idx" ON "trusted_device"("userId");

-- CreateIndex
CREATE INDEX "transfer_request_userId_status_idx" ON "transfer_request"("userId", "status");

-- CreateIndex
CREATE INDEX "transfer_request_fromAgencyId_status_idx" ON "transfer_request"("fromAgencyId", "status");

-- CreateIndex
CREATE INDEX "transfer_request_toAgencyId_status_idx" ON "transfer_request"("toAgencyId", "status");

-- CreateIndex
CREATE INDEX "user_agencyId_identityStatus_idx" ON "user"("agencyId", "identityStatus");

-- AddForeignKey
ALTER TABLE "user" ADD CONSTRAINT "user_identityVerifiedById_fkey" FOREIGN KEY ("identityVerifiedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trusted_device" ADD CONSTRAINT "trusted_device_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_request" ADD CONSTRAINT "transfer_request_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_request" ADD CONSTRAINT "transfer_request_fromAgencyId_fkey" FOREIGN KEY ("fromAgencyId") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_request" ADD CONSTRAINT "transfer_request_toAgencyId_fkey" FOREIGN KEY ("toAgencyId") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_request" ADD CONSTRAINT "transfer_request_toUnitId_fkey" FOREIGN KEY ("toUnitId") REFERENCES "unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_request" ADD CONSTRAINT "transfer_request_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_request" ADD CONSTRAINT "transfer_request_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Data: accounts an agency created (roster import, claimed or not) and platform staff were put
-- there by HR or an admin, so their NIP is the agency's word: verified. Self-registered learners
-- (a password account and no claim) stay "claimed" until their roster or HR confirms them.
UPDATE "user" SET "identityStatus" = 'verified', "identityMethod" = 'import', "identityVerifiedAt" = "createdAt"
WHERE "claimedAt" IS NOT NULL
   OR "role" <> 'learner'
   OR NOT EXISTS (SELECT 1 FROM "account" WHERE "account"."userId" = "user"."id");
