-- AlterTable
ALTER TABLE "cohort" ADD COLUMN "remindersPausedAt" DATETIME;

