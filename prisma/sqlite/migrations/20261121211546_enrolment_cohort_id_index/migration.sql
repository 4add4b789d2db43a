-- DropIndex
DROP INDEX "enrolment_cohortId_idx";

-- CreateIndex
CREATE INDEX "enrolment_cohortId_id_idx" ON "enrolment"("cohortId", "id");

