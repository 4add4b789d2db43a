-- Decision 067: the statement triggers that keep the counts (20261202140000, 20261203045717)
-- found the rows an UPDATE changed by joining its old and new transition tables on "id". A
-- PL/pgSQL function keeps the plan of each statement for the life of the connection, planned with
-- the row counts of its first call; the first call on a pooled connection is mostly a one-row
-- write (a learner's progress), so the join was planned as a nested loop, and every later UPDATE
-- of N rows compared N x N pairs: 16,000 enrolments in one statement took 51 s, a batch of 1,000
-- ~0.3 s. The changed rows are now found with EXCEPT (the same columns, NULLs equal as with IS
-- DISTINCT FROM), which is executed by hashing or sorting whatever plan was cached: no pair of
-- rows is ever compared. Same deltas as before. INSERT and DELETE triggers read one transition
-- table and are unchanged.

CREATE OR REPLACE FUNCTION "enrolment_counts_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    SELECT "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", SUM("n"), SUM("bestCount"), SUM("bestSum"), SUM("gainCount"), SUM("gainPreSum"), SUM("gainBestSum")
    FROM (SELECT o."cohortId", COALESCE(o."personAgencyId", '') AS "agencyId", COALESCE(o."personUnitId", '') AS "unitId", COALESCE(o."personEmploymentType", '') AS "employmentType", COALESCE(o."personIdentityStatus", '') AS "identityStatus", CASE WHEN o."passedAt" IS NOT NULL THEN 'lulus' WHEN o."lessonsDone" > 0 OR o."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END AS "progress", -1 AS "n", -(CASE WHEN o."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "bestCount", -COALESCE(o."bestPostTestScore", 0) AS "bestSum", -(CASE WHEN o."bestPostTestScore" IS NOT NULL AND o."preTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "gainCount", -(CASE WHEN o."bestPostTestScore" IS NOT NULL AND o."preTestScore" IS NOT NULL THEN o."preTestScore" ELSE 0 END) AS "gainPreSum", -(CASE WHEN o."bestPostTestScore" IS NOT NULL AND o."preTestScore" IS NOT NULL THEN o."bestPostTestScore" ELSE 0 END) AS "gainBestSum" FROM (SELECT "id", "cohortId", "personAgencyId", "personUnitId", "personEmploymentType", "personIdentityStatus", "lessonsDone", "postTestAttempts", "passedAt", "bestPostTestScore", "preTestScore" FROM "old_rows" EXCEPT SELECT "id", "cohortId", "personAgencyId", "personUnitId", "personEmploymentType", "personIdentityStatus", "lessonsDone", "postTestAttempts", "passedAt", "bestPostTestScore", "preTestScore" FROM "new_rows") o UNION ALL SELECT n."cohortId", COALESCE(n."personAgencyId", '') AS "agencyId", COALESCE(n."personUnitId", '') AS "unitId", COALESCE(n."personEmploymentType", '') AS "employmentType", COALESCE(n."personIdentityStatus", '') AS "identityStatus", CASE WHEN n."passedAt" IS NOT NULL THEN 'lulus' WHEN n."lessonsDone" > 0 OR n."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END AS "progress", 1 AS "n", (CASE WHEN n."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "bestCount", COALESCE(n."bestPostTestScore", 0) AS "bestSum", (CASE WHEN n."bestPostTestScore" IS NOT NULL AND n."preTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "gainCount", (CASE WHEN n."bestPostTestScore" IS NOT NULL AND n."preTestScore" IS NOT NULL THEN n."preTestScore" ELSE 0 END) AS "gainPreSum", (CASE WHEN n."bestPostTestScore" IS NOT NULL AND n."preTestScore" IS NOT NULL THEN n."bestPostTestScore" ELSE 0 END) AS "gainBestSum" FROM (SELECT "id", "cohortId", "personAgencyId", "personUnitId", "personEmploymentType", "personIdentityStatus", "lessonsDone", "postTestAttempts", "passedAt", "bestPostTestScore", "preTestScore" FROM "new_rows" EXCEPT SELECT "id", "cohortId", "personAgencyId", "personUnitId", "personEmploymentType", "personIdentityStatus", "lessonsDone", "postTestAttempts", "passedAt", "bestPostTestScore", "preTestScore" FROM "old_rows") n) AS "delta"
    GROUP BY "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress" HAVING SUM("n") <> 0 OR SUM("bestCount") <> 0 OR SUM("bestSum") <> 0 OR SUM("gainCount") <> 0 OR SUM("gainPreSum") <> 0 OR SUM("gainBestSum") <> 0
    ORDER BY "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress"
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
  IF EXISTS (SELECT "id", "userId", "cohortId" FROM "old_rows" EXCEPT SELECT "id", "userId", "cohortId" FROM "new_rows") THEN
  PERFORM 1 FROM "user" WHERE "id" IN (SELECT "userId" FROM (SELECT "id", "userId", "cohortId" FROM "old_rows" EXCEPT SELECT "id", "userId", "cohortId" FROM "new_rows") AS "before" UNION SELECT "userId" FROM (SELECT "id", "userId", "cohortId" FROM "new_rows" EXCEPT SELECT "id", "userId", "cohortId" FROM "old_rows") AS "after") ORDER BY "id" FOR NO KEY UPDATE;
  UPDATE "user" SET "enrolledInAgency" = NOT "enrolledInAgency"
    WHERE "enrolledInAgency" IS DISTINCT FROM EXISTS (SELECT 1 FROM "enrolment" e JOIN "cohort" c ON c."id" = e."cohortId" WHERE e."userId" = "user"."id" AND c."agencyId" = "user"."agencyId")
    AND "id" IN (SELECT "userId" FROM (SELECT "id", "userId", "cohortId" FROM "old_rows" EXCEPT SELECT "id", "userId", "cohortId" FROM "new_rows") AS "before" UNION SELECT "userId" FROM (SELECT "id", "userId", "cohortId" FROM "new_rows" EXCEPT SELECT "id", "userId", "cohortId" FROM "old_rows") AS "after");
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "user_headcount_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "agency_headcount" ("agencyId", "unitId", "identityStatus", "enrolled", "n")
    SELECT "agencyId", "unitId", "identityStatus", "enrolled", SUM("n") FROM (
      SELECT o."agencyId", COALESCE(o."unitId", '') AS "unitId", CAST(o."identityStatus" AS TEXT) AS "identityStatus", o."enrolledInAgency" AS "enrolled", -1 AS "n"
        FROM (SELECT "id", "agencyId", "unitId", "identityStatus", "nip" IS NULL AS "nipMissing", "enrolledInAgency" FROM "old_rows" EXCEPT SELECT "id", "agencyId", "unitId", "identityStatus", "nip" IS NULL AS "nipMissing", "enrolledInAgency" FROM "new_rows") o
        WHERE o."agencyId" IS NOT NULL AND (NOT o."nipMissing" OR o."identityStatus" = 'rejected')
      UNION ALL
      SELECT n."agencyId", COALESCE(n."unitId", ''), CAST(n."identityStatus" AS TEXT), n."enrolledInAgency", 1
        FROM (SELECT "id", "agencyId", "unitId", "identityStatus", "nip" IS NULL AS "nipMissing", "enrolledInAgency" FROM "new_rows" EXCEPT SELECT "id", "agencyId", "unitId", "identityStatus", "nip" IS NULL AS "nipMissing", "enrolledInAgency" FROM "old_rows") n
        WHERE n."agencyId" IS NOT NULL AND (NOT n."nipMissing" OR n."identityStatus" = 'rejected')
    ) AS "delta"
    GROUP BY 1, 2, 3, 4 HAVING SUM("n") <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("agencyId", "unitId", "identityStatus", "enrolled") DO UPDATE SET "n" = "agency_headcount"."n" + excluded."n";
  RETURN NULL;
END
$$;
