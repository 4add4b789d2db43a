-- AlterTable
ALTER TABLE "user" ADD COLUMN     "enrolledInAgency" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "enrolment" ADD COLUMN     "personAgencyId" TEXT,
ADD COLUMN     "personEmploymentType" TEXT,
ADD COLUMN     "personIdentityStatus" TEXT,
ADD COLUMN     "personUnitId" TEXT;

-- CreateTable
CREATE TABLE "enrolment_count" (
    "cohortId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "employmentType" TEXT NOT NULL,
    "identityStatus" TEXT NOT NULL,
    "progress" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "bestCount" INTEGER NOT NULL DEFAULT 0,
    "bestSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "gainCount" INTEGER NOT NULL DEFAULT 0,
    "gainPreSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "gainBestSum" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "enrolment_count_pkey" PRIMARY KEY ("cohortId","agencyId","unitId","employmentType","identityStatus","progress")
);

-- CreateIndex
CREATE INDEX "user_agencyId_enrolledInAgency_role_nip_idx" ON "user"("agencyId", "enrolledInAgency", "role", "nip");


-- The HR dashboard's counts (decision 033). Each enrolment carries the person's agency, unit,
-- employment type and identity status (copied from "user" by triggers), and enrolment_count holds
-- the number of enrolments (and the sums the score means need) per cohort, those four and the
-- progress ("lulus" passed, "mulai" a lesson done or a post-test attempt, "belum" neither).
-- Triggers move an enrolment between keys in the same transaction as the write: -1 for the old
-- key, +1 for the new. "user"."enrolledInAgency" (in one of the agency's cohorts) is kept the
-- same way, for the "belum ditugaskan" count.

-- Backfill, before the triggers exist.
UPDATE "enrolment" SET "personAgencyId" = (SELECT u."agencyId" FROM "user" u WHERE u."id" = "enrolment"."userId"),
    "personUnitId" = (SELECT u."unitId" FROM "user" u WHERE u."id" = "enrolment"."userId"),
    "personEmploymentType" = (SELECT CAST(u."employmentType" AS TEXT) FROM "user" u WHERE u."id" = "enrolment"."userId"),
    "personIdentityStatus" = (SELECT CAST(u."identityStatus" AS TEXT) FROM "user" u WHERE u."id" = "enrolment"."userId");
INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
  SELECT e."cohortId", COALESCE(e."personAgencyId", ''), COALESCE(e."personUnitId", ''), COALESCE(e."personEmploymentType", ''), COALESCE(e."personIdentityStatus", ''), CASE WHEN e."passedAt" IS NOT NULL THEN 'lulus' WHEN e."lessonsDone" > 0 OR e."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END, COUNT(*), SUM((CASE WHEN e."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END)), SUM(COALESCE(e."bestPostTestScore", 0)), SUM((CASE WHEN e."bestPostTestScore" IS NOT NULL AND e."preTestScore" IS NOT NULL THEN 1 ELSE 0 END)), SUM((CASE WHEN e."bestPostTestScore" IS NOT NULL AND e."preTestScore" IS NOT NULL THEN e."preTestScore" ELSE 0 END)), SUM((CASE WHEN e."bestPostTestScore" IS NOT NULL AND e."preTestScore" IS NOT NULL THEN e."bestPostTestScore" ELSE 0 END))
  FROM "enrolment" e GROUP BY e."cohortId", COALESCE(e."personAgencyId", ''), COALESCE(e."personUnitId", ''), COALESCE(e."personEmploymentType", ''), COALESCE(e."personIdentityStatus", ''), CASE WHEN e."passedAt" IS NOT NULL THEN 'lulus' WHEN e."lessonsDone" > 0 OR e."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END;
UPDATE "user" SET "enrolledInAgency" = EXISTS (SELECT 1 FROM "enrolment" e JOIN "cohort" c ON c."id" = e."cohortId" WHERE e."userId" = "user"."id" AND c."agencyId" = "user"."agencyId");

CREATE OR REPLACE FUNCTION "enrolment_computes_its_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(33001, hashtext(NEW."userId"));
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

CREATE FUNCTION "refresh_enrolled_in_agency"(person TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(33001, hashtext(person));
  UPDATE "user" SET "enrolledInAgency" = EXISTS (SELECT 1 FROM "enrolment" e JOIN "cohort" c ON c."id" = e."cohortId" WHERE e."userId" = "user"."id" AND c."agencyId" = "user"."agencyId") WHERE "id" = person;
END
$$;

CREATE FUNCTION "enrolment_keeps_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    VALUES (NEW."cohortId", COALESCE(NEW."personAgencyId", ''), COALESCE(NEW."personUnitId", ''), COALESCE(NEW."personEmploymentType", ''), COALESCE(NEW."personIdentityStatus", ''), CASE WHEN NEW."passedAt" IS NOT NULL THEN 'lulus' WHEN NEW."lessonsDone" > 0 OR NEW."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END, 1, (CASE WHEN NEW."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END), COALESCE(NEW."bestPostTestScore", 0), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN 1 ELSE 0 END), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN NEW."preTestScore" ELSE 0 END), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN NEW."bestPostTestScore" ELSE 0 END))
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
    PERFORM "refresh_enrolled_in_agency"(NEW."userId");
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    VALUES (OLD."cohortId", COALESCE(OLD."personAgencyId", ''), COALESCE(OLD."personUnitId", ''), COALESCE(OLD."personEmploymentType", ''), COALESCE(OLD."personIdentityStatus", ''), CASE WHEN OLD."passedAt" IS NOT NULL THEN 'lulus' WHEN OLD."lessonsDone" > 0 OR OLD."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END, -1, -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END), -COALESCE(OLD."bestPostTestScore", 0), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN 1 ELSE 0 END), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN OLD."preTestScore" ELSE 0 END), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN OLD."bestPostTestScore" ELSE 0 END))
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
    PERFORM "refresh_enrolled_in_agency"(OLD."userId");
  ELSE
    IF OLD."cohortId" IS DISTINCT FROM NEW."cohortId" OR OLD."personAgencyId" IS DISTINCT FROM NEW."personAgencyId" OR OLD."personUnitId" IS DISTINCT FROM NEW."personUnitId" OR OLD."personEmploymentType" IS DISTINCT FROM NEW."personEmploymentType" OR OLD."personIdentityStatus" IS DISTINCT FROM NEW."personIdentityStatus" OR OLD."lessonsDone" IS DISTINCT FROM NEW."lessonsDone" OR OLD."postTestAttempts" IS DISTINCT FROM NEW."postTestAttempts" OR OLD."passedAt" IS DISTINCT FROM NEW."passedAt" OR OLD."bestPostTestScore" IS DISTINCT FROM NEW."bestPostTestScore" OR OLD."preTestScore" IS DISTINCT FROM NEW."preTestScore" THEN
      INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    VALUES (OLD."cohortId", COALESCE(OLD."personAgencyId", ''), COALESCE(OLD."personUnitId", ''), COALESCE(OLD."personEmploymentType", ''), COALESCE(OLD."personIdentityStatus", ''), CASE WHEN OLD."passedAt" IS NOT NULL THEN 'lulus' WHEN OLD."lessonsDone" > 0 OR OLD."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END, -1, -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END), -COALESCE(OLD."bestPostTestScore", 0), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN 1 ELSE 0 END), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN OLD."preTestScore" ELSE 0 END), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN OLD."bestPostTestScore" ELSE 0 END))
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
      INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    VALUES (NEW."cohortId", COALESCE(NEW."personAgencyId", ''), COALESCE(NEW."personUnitId", ''), COALESCE(NEW."personEmploymentType", ''), COALESCE(NEW."personIdentityStatus", ''), CASE WHEN NEW."passedAt" IS NOT NULL THEN 'lulus' WHEN NEW."lessonsDone" > 0 OR NEW."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END, 1, (CASE WHEN NEW."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END), COALESCE(NEW."bestPostTestScore", 0), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN 1 ELSE 0 END), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN NEW."preTestScore" ELSE 0 END), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN NEW."bestPostTestScore" ELSE 0 END))
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
    END IF;
    IF OLD."userId" IS DISTINCT FROM NEW."userId" OR OLD."cohortId" IS DISTINCT FROM NEW."cohortId" THEN
      PERFORM "refresh_enrolled_in_agency"(LEAST(OLD."userId", NEW."userId"));
      IF OLD."userId" <> NEW."userId" THEN PERFORM "refresh_enrolled_in_agency"(GREATEST(OLD."userId", NEW."userId")); END IF;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "enrolment_counts" AFTER INSERT OR UPDATE OR DELETE
  ON "enrolment" FOR EACH ROW EXECUTE FUNCTION "enrolment_keeps_counts"();

CREATE FUNCTION "user_keeps_enrolment_person"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "enrolment" SET "personAgencyId" = NEW."agencyId", "personUnitId" = NEW."unitId",
    "personEmploymentType" = CAST(NEW."employmentType" AS TEXT), "personIdentityStatus" = CAST(NEW."identityStatus" AS TEXT)
  WHERE "userId" = NEW."id";
  IF OLD."agencyId" IS DISTINCT FROM NEW."agencyId" THEN PERFORM "refresh_enrolled_in_agency"(NEW."id"); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "user_enrolment_person" AFTER UPDATE OF "agencyId", "unitId", "employmentType", "identityStatus"
  ON "user" FOR EACH ROW EXECUTE FUNCTION "user_keeps_enrolment_person"();
