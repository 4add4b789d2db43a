-- DropIndex
DROP INDEX "outbox_message_status_nextAttemptAt_idx";

-- CreateIndex
CREATE INDEX "outbox_message_status_nextAttemptAt_id_idx" ON "outbox_message"("status", "nextAttemptAt", "id");

