-- AlterTable
ALTER TABLE "quiz_attempt" ADD COLUMN     "answersDeletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "certificate" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "quiz_answer_aggregate" (
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "itemId" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "sumX" DOUBLE PRECISION NOT NULL,
    "sumY" DOUBLE PRECISION NOT NULL,
    "sumXY" DOUBLE PRECISION NOT NULL,
    "sumXX" DOUBLE PRECISION NOT NULL,
    "sumYY" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "quiz_answer_aggregate_pkey" PRIMARY KEY ("kind","year","itemId","response")
);

-- CreateTable
CREATE TABLE "account_deletion" (
    "userId" TEXT NOT NULL,
    "agencyId" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kept" TEXT NOT NULL,

    CONSTRAINT "account_deletion_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "account_deletion_agencyId_requestedAt_idx" ON "account_deletion"("agencyId", "requestedAt");

-- AddForeignKey
ALTER TABLE "account_deletion" ADD CONSTRAINT "account_deletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (Prisma cannot express a partial index): the finished attempts that still hold
-- their raw answers, in submission order, for the retention job (decision 047). An attempt leaves
-- it when its answers are aggregated and deleted, so a tick with nothing to do is one probe.
CREATE INDEX "quiz_attempt_answers_kept_idx" ON "quiz_attempt" ("submittedAt") WHERE "submittedAt" IS NOT NULL AND "answersDeletedAt" IS NULL;
