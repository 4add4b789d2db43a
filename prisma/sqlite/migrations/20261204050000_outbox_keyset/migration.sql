-- DropIndex
DROP INDEX "outbox_message_createdAt_idx";

-- CreateIndex
CREATE INDEX "outbox_message_createdAt_id_idx" ON "outbox_message"("createdAt", "id");

-- CreateIndex
CREATE INDEX "outbox_message_status_createdAt_id_idx" ON "outbox_message"("status", "createdAt", "id");

