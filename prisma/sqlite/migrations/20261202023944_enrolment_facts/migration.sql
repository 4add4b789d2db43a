-- CreateTable
CREATE TABLE "current_lesson" (
    "slug" TEXT NOT NULL PRIMARY KEY
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_enrolment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "cycleKey" TEXT NOT NULL,
    "assignedById" TEXT,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lessonsDone" INTEGER NOT NULL DEFAULT 0,
    "activeSeconds" INTEGER NOT NULL DEFAULT 0,
    "postTestAttempts" INTEGER NOT NULL DEFAULT 0,
    "bestPostTestScore" REAL,
    "preTestScore" REAL,
    "passedAt" DATETIME,
    CONSTRAINT "enrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "enrolment_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "cohort" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "enrolment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_enrolment" ("assignedAt", "assignedById", "cohortId", "cycleKey", "id", "userId") SELECT "assignedAt", "assignedById", "cohortId", "cycleKey", "id", "userId" FROM "enrolment";
DROP TABLE "enrolment";
ALTER TABLE "new_enrolment" RENAME TO "enrolment";
CREATE INDEX "enrolment_cohortId_id_idx" ON "enrolment"("cohortId", "id");
CREATE UNIQUE INDEX "enrolment_userId_cycleKey_key" ON "enrolment"("userId", "cycleKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- The HR read model's stored facts (decision 033). Triggers keep each enrolment's facts equal to
-- what lesson_progress and quiz_attempt say, in the same transaction as the write that changes
-- them, whoever writes (the app, a script, a test fixture). Lesson facts are per person (lessons
-- count in any cycle) and count only the lessons listed in current_lesson, which the app fills
-- at start-up (lib/hr/enrolment-facts.server.ts), recomputing every enrolment when the set changes.
-- The facts (the same definitions as the from-scratch query in enrolmentFactsFromScratch):
--   lessonsDone, activeSeconds  over the person's current lessons
--   postTestAttempts            post-test attempts of the enrolment, started or submitted
--   bestPostTestScore           the best post-test score
--   passedAt                    the first passing post-test submission
--   preTestScore                the first submitted pre-test's score

CREATE TRIGGER "lesson_progress_facts_insert" AFTER INSERT ON "lesson_progress"
BEGIN
  UPDATE "enrolment" SET "lessonsDone" = (SELECT COUNT(lp."completedAt") FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId"),
    "activeSeconds" = (SELECT COALESCE(SUM(lp."activeSeconds"), 0) FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId")
  WHERE "userId" = NEW."userId";
END;

CREATE TRIGGER "lesson_progress_facts_update" AFTER UPDATE OF "userId", "lessonSlug", "completedAt", "activeSeconds" ON "lesson_progress"
BEGIN
  UPDATE "enrolment" SET "lessonsDone" = (SELECT COUNT(lp."completedAt") FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId"),
    "activeSeconds" = (SELECT COALESCE(SUM(lp."activeSeconds"), 0) FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId")
  WHERE "userId" IN (OLD."userId", NEW."userId");
END;

CREATE TRIGGER "lesson_progress_facts_delete" AFTER DELETE ON "lesson_progress"
BEGIN
  UPDATE "enrolment" SET "lessonsDone" = (SELECT COUNT(lp."completedAt") FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId"),
    "activeSeconds" = (SELECT COALESCE(SUM(lp."activeSeconds"), 0) FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId")
  WHERE "userId" = OLD."userId";
END;

CREATE TRIGGER "quiz_attempt_facts_insert" AFTER INSERT ON "quiz_attempt" WHEN NEW."enrolmentId" IS NOT NULL
BEGIN
  UPDATE "enrolment" SET "postTestAttempts" = (SELECT COUNT(*) FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "bestPostTestScore" = (SELECT MAX(qa."score") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "passedAt" = (SELECT MIN(qa."submittedAt") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest' AND qa."passed" = 1),
    "preTestScore" = (SELECT qa."score" FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'pretest' AND qa."submittedAt" IS NOT NULL ORDER BY qa."submittedAt", qa."id" LIMIT 1)
  WHERE "id" = NEW."enrolmentId";
END;

CREATE TRIGGER "quiz_attempt_facts_update" AFTER UPDATE OF "enrolmentId", "kind", "score", "passed", "submittedAt" ON "quiz_attempt"
BEGIN
  UPDATE "enrolment" SET "postTestAttempts" = (SELECT COUNT(*) FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "bestPostTestScore" = (SELECT MAX(qa."score") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "passedAt" = (SELECT MIN(qa."submittedAt") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest' AND qa."passed" = 1),
    "preTestScore" = (SELECT qa."score" FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'pretest' AND qa."submittedAt" IS NOT NULL ORDER BY qa."submittedAt", qa."id" LIMIT 1)
  WHERE "id" IN (OLD."enrolmentId", NEW."enrolmentId");
END;

CREATE TRIGGER "quiz_attempt_facts_delete" AFTER DELETE ON "quiz_attempt" WHEN OLD."enrolmentId" IS NOT NULL
BEGIN
  UPDATE "enrolment" SET "postTestAttempts" = (SELECT COUNT(*) FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "bestPostTestScore" = (SELECT MAX(qa."score") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "passedAt" = (SELECT MIN(qa."submittedAt") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest' AND qa."passed" = 1),
    "preTestScore" = (SELECT qa."score" FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'pretest' AND qa."submittedAt" IS NOT NULL ORDER BY qa."submittedAt", qa."id" LIMIT 1)
  WHERE "id" = OLD."enrolmentId";
END;

CREATE TRIGGER "enrolment_facts_insert" AFTER INSERT ON "enrolment"
BEGIN
  UPDATE "enrolment" SET "lessonsDone" = (SELECT COUNT(lp."completedAt") FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId"),
    "activeSeconds" = (SELECT COALESCE(SUM(lp."activeSeconds"), 0) FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId"),
    "postTestAttempts" = (SELECT COUNT(*) FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "bestPostTestScore" = (SELECT MAX(qa."score") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "passedAt" = (SELECT MIN(qa."submittedAt") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest' AND qa."passed" = 1),
    "preTestScore" = (SELECT qa."score" FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'pretest' AND qa."submittedAt" IS NOT NULL ORDER BY qa."submittedAt", qa."id" LIMIT 1)
  WHERE "id" = NEW."id";
END;

CREATE TRIGGER "enrolment_facts_move" AFTER UPDATE OF "userId" ON "enrolment"
BEGIN
  UPDATE "enrolment" SET "lessonsDone" = (SELECT COUNT(lp."completedAt") FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId"),
    "activeSeconds" = (SELECT COALESCE(SUM(lp."activeSeconds"), 0) FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId")
  WHERE "id" = NEW."id";
END;

-- Backfill: the quiz facts of the enrolments that exist now. Their lesson facts are computed when
-- the app first fills current_lesson (which starts empty).
UPDATE "enrolment" SET "postTestAttempts" = (SELECT COUNT(*) FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "bestPostTestScore" = (SELECT MAX(qa."score") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "passedAt" = (SELECT MIN(qa."submittedAt") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest' AND qa."passed" = 1),
    "preTestScore" = (SELECT qa."score" FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'pretest' AND qa."submittedAt" IS NOT NULL ORDER BY qa."submittedAt", qa."id" LIMIT 1);
