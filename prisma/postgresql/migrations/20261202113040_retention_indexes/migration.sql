-- CreateIndex
CREATE INDEX "session_expiresAt_idx" ON "session"("expiresAt");

-- CreateIndex
CREATE INDEX "verification_expiresAt_idx" ON "verification"("expiresAt");


-- Raw SQL (Prisma's schema cannot express a partial index): the audit entries that still hold an
-- IP address, by time. The retention job clears IPs older than the admin's period, so this index
-- only ever holds the recent entries, and the job reads only what it clears (docs/privacy.md).
CREATE INDEX "audit_log_ip_at_idx" ON "audit_log"("at") WHERE "ip" IS NOT NULL;
