-- AlterTable
ALTER TABLE "enrolment" ADD COLUMN     "activeSeconds" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bestPostTestScore" DOUBLE PRECISION,
ADD COLUMN     "lessonsDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "passedAt" TIMESTAMP(3),
ADD COLUMN     "postTestAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "preTestScore" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "current_lesson" (
    "slug" TEXT NOT NULL,

    CONSTRAINT "current_lesson_pkey" PRIMARY KEY ("slug")
);


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
-- On PostgreSQL each recomputation first takes a transaction-scoped advisory lock (the person's
-- for lesson facts, the enrolment's for quiz facts): concurrent writers of one person wait for
-- each other, and the recomputing statement then reads what the earlier writer committed
-- (READ COMMITTED takes a new snapshot per statement), so two saves at once cannot leave a stale
-- count.

CREATE FUNCTION "refresh_enrolment_lesson_facts"(person TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(33001, hashtext(person));
  UPDATE "enrolment" e SET "lessonsDone" = (SELECT COUNT(lp."completedAt") FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = person),
    "activeSeconds" = (SELECT COALESCE(SUM(lp."activeSeconds"), 0) FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = person)
  WHERE e."userId" = person;
END
$$;

CREATE FUNCTION "refresh_enrolment_quiz_facts"(target TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(33002, hashtext(target));
  UPDATE "enrolment" e SET "postTestAttempts" = (SELECT COUNT(*) FROM "quiz_attempt" qa WHERE qa."enrolmentId" = target AND qa."kind" = 'posttest'),
    "bestPostTestScore" = (SELECT MAX(qa."score") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = target AND qa."kind" = 'posttest'),
    "passedAt" = (SELECT MIN(qa."submittedAt") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = target AND qa."kind" = 'posttest' AND qa."passed" = TRUE),
    "preTestScore" = (SELECT qa."score" FROM "quiz_attempt" qa WHERE qa."enrolmentId" = target AND qa."kind" = 'pretest' AND qa."submittedAt" IS NOT NULL ORDER BY qa."submittedAt", qa."id" LIMIT 1)
  WHERE e."id" = target;
END
$$;

CREATE FUNCTION "lesson_progress_keeps_enrolment_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "refresh_enrolment_lesson_facts"(NEW."userId");
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "refresh_enrolment_lesson_facts"(OLD."userId");
  ELSIF OLD."userId" = NEW."userId" THEN
    PERFORM "refresh_enrolment_lesson_facts"(NEW."userId");
  ELSE
    PERFORM "refresh_enrolment_lesson_facts"(LEAST(OLD."userId", NEW."userId"));
    PERFORM "refresh_enrolment_lesson_facts"(GREATEST(OLD."userId", NEW."userId"));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "lesson_progress_facts" AFTER INSERT OR DELETE OR UPDATE OF "userId", "lessonSlug", "completedAt", "activeSeconds"
  ON "lesson_progress" FOR EACH ROW EXECUTE FUNCTION "lesson_progress_keeps_enrolment_facts"();

CREATE FUNCTION "quiz_attempt_keeps_enrolment_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."enrolmentId" IS NOT NULL THEN PERFORM "refresh_enrolment_quiz_facts"(NEW."enrolmentId"); END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD."enrolmentId" IS NOT NULL THEN PERFORM "refresh_enrolment_quiz_facts"(OLD."enrolmentId"); END IF;
  ELSE
    IF OLD."enrolmentId" IS NOT NULL AND OLD."enrolmentId" IS DISTINCT FROM NEW."enrolmentId" THEN
      PERFORM "refresh_enrolment_quiz_facts"(OLD."enrolmentId");
    END IF;
    IF NEW."enrolmentId" IS NOT NULL THEN PERFORM "refresh_enrolment_quiz_facts"(NEW."enrolmentId"); END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "quiz_attempt_facts" AFTER INSERT OR DELETE OR UPDATE OF "enrolmentId", "kind", "score", "passed", "submittedAt"
  ON "quiz_attempt" FOR EACH ROW EXECUTE FUNCTION "quiz_attempt_keeps_enrolment_facts"();

CREATE FUNCTION "enrolment_computes_its_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(33001, hashtext(NEW."userId"));
  SELECT COUNT(lp."completedAt"), COALESCE(SUM(lp."activeSeconds"), 0) INTO NEW."lessonsDone", NEW."activeSeconds"
    FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = NEW."userId";
  IF TG_OP = 'INSERT' THEN
    SELECT COUNT(*), MAX(qa."score") INTO NEW."postTestAttempts", NEW."bestPostTestScore"
      FROM "quiz_attempt" qa WHERE qa."enrolmentId" = NEW."id" AND qa."kind" = 'posttest';
    SELECT MIN(qa."submittedAt") INTO NEW."passedAt"
      FROM "quiz_attempt" qa WHERE qa."enrolmentId" = NEW."id" AND qa."kind" = 'posttest' AND qa."passed" = TRUE;
    SELECT qa."score" INTO NEW."preTestScore"
      FROM "quiz_attempt" qa WHERE qa."enrolmentId" = NEW."id" AND qa."kind" = 'pretest' AND qa."submittedAt" IS NOT NULL
      ORDER BY qa."submittedAt", qa."id" LIMIT 1;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "enrolment_facts" BEFORE INSERT OR UPDATE OF "userId"
  ON "enrolment" FOR EACH ROW EXECUTE FUNCTION "enrolment_computes_its_facts"();

-- Backfill: the quiz facts of the enrolments that exist now. Their lesson facts are computed when
-- the app first fills current_lesson (which starts empty).
UPDATE "enrolment" SET "postTestAttempts" = (SELECT COUNT(*) FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "bestPostTestScore" = (SELECT MAX(qa."score") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest'),
    "passedAt" = (SELECT MIN(qa."submittedAt") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'posttest' AND qa."passed" = TRUE),
    "preTestScore" = (SELECT qa."score" FROM "quiz_attempt" qa WHERE qa."enrolmentId" = "enrolment"."id" AND qa."kind" = 'pretest' AND qa."submittedAt" IS NOT NULL ORDER BY qa."submittedAt", qa."id" LIMIT 1);
