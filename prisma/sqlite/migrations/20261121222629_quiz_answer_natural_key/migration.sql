-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_quiz_answer" (
    "attemptId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "credit" REAL NOT NULL,

    PRIMARY KEY ("attemptId", "itemId"),
    CONSTRAINT "quiz_answer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "quiz_attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_quiz_answer" ("attemptId", "credit", "itemId", "response") SELECT "attemptId", "credit", "itemId", "response" FROM "quiz_answer";
DROP TABLE "quiz_answer";
ALTER TABLE "new_quiz_answer" RENAME TO "quiz_answer";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

