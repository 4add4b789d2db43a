-- CreateTable
CREATE TABLE "lesson_facts_recompute" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "afterEnrolmentId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL
);

