-- CreateIndex
CREATE INDEX "user_agencyId_id_idx" ON "user"("agencyId", "id");

