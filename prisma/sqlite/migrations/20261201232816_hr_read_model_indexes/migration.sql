-- DropIndex
DROP INDEX "quiz_attempt_enrolmentId_idx";

-- CreateIndex
CREATE INDEX "quiz_attempt_enrolmentId_kind_passed_submittedAt_idx" ON "quiz_attempt"("enrolmentId", "kind", "passed", "submittedAt");


-- The people list's keyset order (LOWER(name), id) within an agency: an expression index,
-- which Prisma's schema cannot express, so it lives only here. role and nip make it cover the
-- people count (learners, and staff with a NIP) without reading the table. Prisma's diffs compare schema
-- files (scripts/db/new-migration.ts), never the database, so later migrations keep it
-- (decision 027, and tests/integration/hr-read-model-indexes.test.ts checks it is used).
CREATE INDEX "user_agencyId_lower_name_id_idx" ON "user" ("agencyId", LOWER("name"), "id", "role", "nip");
