-- DropIndex
DROP INDEX "audit_log_at_idx";

-- DropIndex
DROP INDEX "audit_log_agencyId_at_idx";

-- CreateIndex
CREATE INDEX "audit_log_at_id_idx" ON "audit_log"("at", "id");

-- CreateIndex
CREATE INDEX "audit_log_agencyId_at_id_idx" ON "audit_log"("agencyId", "at", "id");

