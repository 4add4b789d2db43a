-- CreateEnum
CREATE TYPE "ItemState" AS ENUM ('under_review', 'withdrawn');

-- CreateEnum
CREATE TYPE "ItemReportStatus" AS ENUM ('open', 'under_review', 'withdrawn', 'corrected', 'dismissed');

-- CreateTable
CREATE TABLE "item_status" (
    "itemId" TEXT NOT NULL,
    "state" "ItemState" NOT NULL,
    "note" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_status_pkey" PRIMARY KEY ("itemId")
);

-- CreateTable
CREATE TABLE "item_report" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "suggestedOptionId" TEXT,
    "status" "ItemReportStatus" NOT NULL DEFAULT 'open',
    "openKey" TEXT,
    "reply" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "item_report_openKey_key" ON "item_report"("openKey");

-- CreateIndex
CREATE INDEX "item_report_status_createdAt_idx" ON "item_report"("status", "createdAt");

-- CreateIndex
CREATE INDEX "item_report_itemId_status_idx" ON "item_report"("itemId", "status");

-- CreateIndex
CREATE INDEX "item_report_userId_itemId_idx" ON "item_report"("userId", "itemId");

-- CreateIndex
CREATE INDEX "item_report_attemptId_idx" ON "item_report"("attemptId");

-- AddForeignKey
ALTER TABLE "item_report" ADD CONSTRAINT "item_report_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_report" ADD CONSTRAINT "item_report_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "quiz_attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

