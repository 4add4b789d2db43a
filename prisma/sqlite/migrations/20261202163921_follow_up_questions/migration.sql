-- CreateTable
CREATE TABLE "follow_up" (
    "certificateId" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "offeredAt" DATETIME NOT NULL,
    "items" TEXT,
    "seed" TEXT,
    "openedAt" DATETIME,
    "answeredAt" DATETIME,
    "score" REAL,
    "correctCount" INTEGER,
    CONSTRAINT "follow_up_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "certificate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "follow_up_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "follow_up_answer" (
    "followUpId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "credit" REAL NOT NULL,

    PRIMARY KEY ("followUpId", "itemId"),
    CONSTRAINT "follow_up_answer_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "follow_up" ("certificateId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "follow_up_userId_idx" ON "follow_up"("userId");

-- CreateIndex
CREATE INDEX "certificate_completedAt_idx" ON "certificate"("completedAt");

