-- AlterTable
ALTER TABLE "agency" ADD COLUMN     "selfEnrolCohortId" TEXT;

-- AddForeignKey
ALTER TABLE "agency" ADD CONSTRAINT "agency_selfEnrolCohortId_fkey" FOREIGN KEY ("selfEnrolCohortId") REFERENCES "cohort"("id") ON DELETE SET NULL ON UPDATE CASCADE;

