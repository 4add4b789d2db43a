-- The recomputations of migrations 20261202023944 and 20261202030337 serialised writers of one
-- person with transaction-scoped advisory locks, one per person. A transaction that writes many
-- people at once (an assignment of a whole agency, a roster import, a seeding script) then holds
-- one lock per person in PostgreSQL's shared lock table and fails with "out of shared memory"
-- (found by bench:hr seeding 100,000 enrolments). Row locks are kept in the rows themselves, not
-- in that table: the person's "user" row (FOR NO KEY UPDATE, which does not conflict with the
-- foreign-key checks of inserts that reference it) for lesson facts, a new enrolment and the
-- "in a cohort of the agency" flag, and the enrolment's own row for quiz facts. The guarantee
-- is the same: the recomputing statement runs after an earlier writer of the same person has
-- committed, and reads what it wrote.

CREATE OR REPLACE FUNCTION "refresh_enrolment_lesson_facts"(person TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "user" WHERE "id" = person FOR NO KEY UPDATE;
  UPDATE "enrolment" e SET "lessonsDone" = (SELECT COUNT(lp."completedAt") FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = person),
    "activeSeconds" = (SELECT COALESCE(SUM(lp."activeSeconds"), 0) FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = person)
  WHERE e."userId" = person;
END
$$;

CREATE OR REPLACE FUNCTION "refresh_enrolment_quiz_facts"(target TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "enrolment" WHERE "id" = target FOR NO KEY UPDATE;
  UPDATE "enrolment" e SET "postTestAttempts" = (SELECT COUNT(*) FROM "quiz_attempt" qa WHERE qa."enrolmentId" = target AND qa."kind" = 'posttest'),
    "bestPostTestScore" = (SELECT MAX(qa."score") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = target AND qa."kind" = 'posttest'),
    "passedAt" = (SELECT MIN(qa."submittedAt") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = target AND qa."kind" = 'posttest' AND qa."passed" = TRUE),
    "preTestScore" = (SELECT qa."score" FROM "quiz_attempt" qa WHERE qa."enrolmentId" = target AND qa."kind" = 'pretest' AND qa."submittedAt" IS NOT NULL ORDER BY qa."submittedAt", qa."id" LIMIT 1)
  WHERE e."id" = target;
END
$$;

CREATE OR REPLACE FUNCTION "enrolment_computes_its_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "user" WHERE "id" = NEW."userId" FOR NO KEY UPDATE;
  SELECT COUNT(lp."completedAt"), COALESCE(SUM(lp."activeSeconds"), 0) INTO NEW."lessonsDone", NEW."activeSeconds"
    FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = NEW."userId";
  SELECT u."agencyId", u."unitId", CAST(u."employmentType" AS TEXT), CAST(u."identityStatus" AS TEXT)
    INTO NEW."personAgencyId", NEW."personUnitId", NEW."personEmploymentType", NEW."personIdentityStatus"
    FROM "user" u WHERE u."id" = NEW."userId";
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

CREATE OR REPLACE FUNCTION "refresh_enrolled_in_agency"(person TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "user" WHERE "id" = person FOR NO KEY UPDATE;
  UPDATE "user" SET "enrolledInAgency" = EXISTS (SELECT 1 FROM "enrolment" e JOIN "cohort" c ON c."id" = e."cohortId" WHERE e."userId" = "user"."id" AND c."agencyId" = "user"."agencyId") WHERE "id" = person;
END
$$;
