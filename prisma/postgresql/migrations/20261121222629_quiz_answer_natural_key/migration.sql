-- DropIndex
DROP INDEX "quiz_answer_itemId_idx";

-- DropIndex
DROP INDEX "quiz_answer_attemptId_itemId_key";

-- AlterTable
ALTER TABLE "quiz_answer" DROP CONSTRAINT "quiz_answer_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "quiz_answer_pkey" PRIMARY KEY ("attemptId", "itemId");

