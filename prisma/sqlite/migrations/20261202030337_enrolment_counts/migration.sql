-- AlterTable
ALTER TABLE "enrolment" ADD COLUMN "personAgencyId" TEXT;
ALTER TABLE "enrolment" ADD COLUMN "personEmploymentType" TEXT;
ALTER TABLE "enrolment" ADD COLUMN "personIdentityStatus" TEXT;
ALTER TABLE "enrolment" ADD COLUMN "personUnitId" TEXT;

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
    "bestSum" REAL NOT NULL DEFAULT 0,
    "gainCount" INTEGER NOT NULL DEFAULT 0,
    "gainPreSum" REAL NOT NULL DEFAULT 0,
    "gainBestSum" REAL NOT NULL DEFAULT 0,

    PRIMARY KEY ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress")
);

-- AlterTable (by hand: Prisma would rebuild "user", which drops the raw-SQL index
-- "user_agencyId_lower_name_id_idx" and any trigger on the table, and adding a column with a
-- constant default needs no rebuild)
ALTER TABLE "user" ADD COLUMN "enrolledInAgency" BOOLEAN NOT NULL DEFAULT false;
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

CREATE TRIGGER "enrolment_person_insert" AFTER INSERT ON "enrolment"
BEGIN
  UPDATE "enrolment" SET "personAgencyId" = (SELECT u."agencyId" FROM "user" u WHERE u."id" = NEW."userId"),
    "personUnitId" = (SELECT u."unitId" FROM "user" u WHERE u."id" = NEW."userId"),
    "personEmploymentType" = (SELECT CAST(u."employmentType" AS TEXT) FROM "user" u WHERE u."id" = NEW."userId"),
    "personIdentityStatus" = (SELECT CAST(u."identityStatus" AS TEXT) FROM "user" u WHERE u."id" = NEW."userId")
  WHERE "id" = NEW."id";
END;

CREATE TRIGGER "enrolment_person_move" AFTER UPDATE OF "userId" ON "enrolment"
BEGIN
  UPDATE "enrolment" SET "personAgencyId" = (SELECT u."agencyId" FROM "user" u WHERE u."id" = NEW."userId"),
    "personUnitId" = (SELECT u."unitId" FROM "user" u WHERE u."id" = NEW."userId"),
    "personEmploymentType" = (SELECT CAST(u."employmentType" AS TEXT) FROM "user" u WHERE u."id" = NEW."userId"),
    "personIdentityStatus" = (SELECT CAST(u."identityStatus" AS TEXT) FROM "user" u WHERE u."id" = NEW."userId")
  WHERE "id" = NEW."id";
END;

CREATE TRIGGER "user_person_update" AFTER UPDATE OF "agencyId", "unitId", "employmentType", "identityStatus" ON "user"
BEGIN
  UPDATE "enrolment" SET "personAgencyId" = NEW."agencyId", "personUnitId" = NEW."unitId",
    "personEmploymentType" = CAST(NEW."employmentType" AS TEXT), "personIdentityStatus" = CAST(NEW."identityStatus" AS TEXT)
  WHERE "userId" = NEW."id";
END;

CREATE TRIGGER "user_agency_flag" AFTER UPDATE OF "agencyId" ON "user"
BEGIN
  UPDATE "user" SET "enrolledInAgency" = EXISTS (SELECT 1 FROM "enrolment" e JOIN "cohort" c ON c."id" = e."cohortId" WHERE e."userId" = "user"."id" AND c."agencyId" = "user"."agencyId") WHERE "id" = NEW."id";
END;

CREATE TRIGGER "enrolment_count_insert" AFTER INSERT ON "enrolment"
BEGIN
  INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    VALUES (NEW."cohortId", COALESCE(NEW."personAgencyId", ''), COALESCE(NEW."personUnitId", ''), COALESCE(NEW."personEmploymentType", ''), COALESCE(NEW."personIdentityStatus", ''), CASE WHEN NEW."passedAt" IS NOT NULL THEN 'lulus' WHEN NEW."lessonsDone" > 0 OR NEW."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END, 1, (CASE WHEN NEW."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END), COALESCE(NEW."bestPostTestScore", 0), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN 1 ELSE 0 END), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN NEW."preTestScore" ELSE 0 END), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN NEW."bestPostTestScore" ELSE 0 END))
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
  UPDATE "user" SET "enrolledInAgency" = EXISTS (SELECT 1 FROM "enrolment" e JOIN "cohort" c ON c."id" = e."cohortId" WHERE e."userId" = "user"."id" AND c."agencyId" = "user"."agencyId") WHERE "id" = NEW."userId";
END;

CREATE TRIGGER "enrolment_count_update" AFTER UPDATE ON "enrolment" WHEN OLD."cohortId" IS NOT NEW."cohortId" OR OLD."personAgencyId" IS NOT NEW."personAgencyId" OR OLD."personUnitId" IS NOT NEW."personUnitId" OR OLD."personEmploymentType" IS NOT NEW."personEmploymentType" OR OLD."personIdentityStatus" IS NOT NEW."personIdentityStatus" OR OLD."lessonsDone" IS NOT NEW."lessonsDone" OR OLD."postTestAttempts" IS NOT NEW."postTestAttempts" OR OLD."passedAt" IS NOT NEW."passedAt" OR OLD."bestPostTestScore" IS NOT NEW."bestPostTestScore" OR OLD."preTestScore" IS NOT NEW."preTestScore"
BEGIN
  INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    VALUES (OLD."cohortId", COALESCE(OLD."personAgencyId", ''), COALESCE(OLD."personUnitId", ''), COALESCE(OLD."personEmploymentType", ''), COALESCE(OLD."personIdentityStatus", ''), CASE WHEN OLD."passedAt" IS NOT NULL THEN 'lulus' WHEN OLD."lessonsDone" > 0 OR OLD."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END, -1, -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END), -COALESCE(OLD."bestPostTestScore", 0), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN 1 ELSE 0 END), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN OLD."preTestScore" ELSE 0 END), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN OLD."bestPostTestScore" ELSE 0 END))
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
  INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    VALUES (NEW."cohortId", COALESCE(NEW."personAgencyId", ''), COALESCE(NEW."personUnitId", ''), COALESCE(NEW."personEmploymentType", ''), COALESCE(NEW."personIdentityStatus", ''), CASE WHEN NEW."passedAt" IS NOT NULL THEN 'lulus' WHEN NEW."lessonsDone" > 0 OR NEW."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END, 1, (CASE WHEN NEW."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END), COALESCE(NEW."bestPostTestScore", 0), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN 1 ELSE 0 END), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN NEW."preTestScore" ELSE 0 END), (CASE WHEN NEW."bestPostTestScore" IS NOT NULL AND NEW."preTestScore" IS NOT NULL THEN NEW."bestPostTestScore" ELSE 0 END))
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
END;

CREATE TRIGGER "enrolment_flag_move" AFTER UPDATE OF "userId", "cohortId" ON "enrolment"
BEGIN
  UPDATE "user" SET "enrolledInAgency" = EXISTS (SELECT 1 FROM "enrolment" e JOIN "cohort" c ON c."id" = e."cohortId" WHERE e."userId" = "user"."id" AND c."agencyId" = "user"."agencyId") WHERE "id" IN (OLD."userId", NEW."userId");
END;

CREATE TRIGGER "enrolment_count_delete" AFTER DELETE ON "enrolment"
BEGIN
  INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    VALUES (OLD."cohortId", COALESCE(OLD."personAgencyId", ''), COALESCE(OLD."personUnitId", ''), COALESCE(OLD."personEmploymentType", ''), COALESCE(OLD."personIdentityStatus", ''), CASE WHEN OLD."passedAt" IS NOT NULL THEN 'lulus' WHEN OLD."lessonsDone" > 0 OR OLD."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END, -1, -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END), -COALESCE(OLD."bestPostTestScore", 0), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN 1 ELSE 0 END), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN OLD."preTestScore" ELSE 0 END), -(CASE WHEN OLD."bestPostTestScore" IS NOT NULL AND OLD."preTestScore" IS NOT NULL THEN OLD."bestPostTestScore" ELSE 0 END))
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
  UPDATE "user" SET "enrolledInAgency" = EXISTS (SELECT 1 FROM "enrolment" e JOIN "cohort" c ON c."id" = e."cohortId" WHERE e."userId" = "user"."id" AND c."agencyId" = "user"."agencyId") WHERE "id" = OLD."userId";
END;
