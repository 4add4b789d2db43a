-- AlterTable
ALTER TABLE "certificate" ADD COLUMN     "cohortName" TEXT,
ADD COLUMN     "contentEdition" TEXT,
ADD COLUMN     "signerNip" TEXT;


-- Certificates issued before this migration take their cohort's current name.
UPDATE "certificate" SET "cohortName" = (
  SELECT "cohort"."name" FROM "enrolment" JOIN "cohort" ON "cohort"."id" = "enrolment"."cohortId"
  WHERE "enrolment"."id" = "certificate"."enrolmentId"
);
