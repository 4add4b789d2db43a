-- AlterTable
ALTER TABLE "certificate" ADD COLUMN     "employmentType" "EmploymentType";

