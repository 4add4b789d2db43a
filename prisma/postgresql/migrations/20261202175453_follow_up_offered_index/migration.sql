-- CreateIndex
CREATE INDEX "follow_up_offeredAt_idx" ON "follow_up"("offeredAt");

