-- CreateTable
CREATE TABLE "outbox_message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "toAddress" TEXT NOT NULL,
    "toName" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" DATETIME,
    "claimedBy" TEXT,
    "lastError" TEXT,
    "expiresAt" DATETIME,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_message_idempotencyKey_key" ON "outbox_message"("idempotencyKey");

-- CreateIndex
CREATE INDEX "outbox_message_status_nextAttemptAt_idx" ON "outbox_message"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "outbox_message_createdAt_idx" ON "outbox_message"("createdAt");

-- CreateIndex
CREATE INDEX "outbox_message_userId_idx" ON "outbox_message"("userId");

