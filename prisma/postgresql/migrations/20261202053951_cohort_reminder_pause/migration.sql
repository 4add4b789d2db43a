-- AlterTable
ALTER TABLE "cohort" ADD COLUMN     "remindersPausedAt" TIMESTAMP(3);

