-- CreateTable
CREATE TABLE "item_status" (
    "itemId" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "note" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "item_report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "suggestedOptionId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openKey" TEXT,
    "reply" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "item_report_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "item_report_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "quiz_attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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

