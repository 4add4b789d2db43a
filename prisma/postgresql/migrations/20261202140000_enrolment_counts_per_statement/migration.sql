-- The HR dashboard's counts (decision 033) kept per statement instead of per row, on PostgreSQL
-- only (decision 044). A row trigger upserts the same enrolment_count row once per enrolment; in
-- one transaction every upsert leaves a version of that row that cannot be pruned yet, so putting
-- N people into one cohort took time growing with N squared (16,000: 10.5 s in one transaction).
-- These triggers see the statement's rows as transition tables and apply one summed delta per
-- key, and refresh "user"."enrolledInAgency" in one UPDATE of the people whose flag changes (after
-- locking those people's rows, as refresh_enrolled_in_agency does since 20261202040000). Writing
-- an unchanged flag would still write a new row version and, the flag being indexed, an entry in
-- every index of "user" (the trigram search index too): a move between two cohorts of one agency
-- changes no flag. Same results as before: the deltas
-- are those of the row trigger, summed. SQLite keeps its row triggers (no MVCC versions there).

DROP TRIGGER "enrolment_counts" ON "enrolment";
DROP FUNCTION "enrolment_keeps_counts"();

CREATE FUNCTION "enrolment_counts_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    SELECT "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", SUM("n"), SUM("bestCount"), SUM("bestSum"), SUM("gainCount"), SUM("gainPreSum"), SUM("gainBestSum")
    FROM (SELECT e."cohortId", COALESCE(e."personAgencyId", '') AS "agencyId", COALESCE(e."personUnitId", '') AS "unitId", COALESCE(e."personEmploymentType", '') AS "employmentType", COALESCE(e."personIdentityStatus", '') AS "identityStatus", CASE WHEN e."passedAt" IS NOT NULL THEN 'lulus' WHEN e."lessonsDone" > 0 OR e."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END AS "progress", 1 AS "n", (CASE WHEN e."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "bestCount", COALESCE(e."bestPostTestScore", 0) AS "bestSum", (CASE WHEN e."bestPostTestScore" IS NOT NULL AND e."preTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "gainCount", (CASE WHEN e."bestPostTestScore" IS NOT NULL AND e."preTestScore" IS NOT NULL THEN e."preTestScore" ELSE 0 END) AS "gainPreSum", (CASE WHEN e."bestPostTestScore" IS NOT NULL AND e."preTestScore" IS NOT NULL THEN e."bestPostTestScore" ELSE 0 END) AS "gainBestSum" FROM "new_rows" e) AS "delta"
    GROUP BY "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress" HAVING SUM("n") <> 0 OR SUM("bestCount") <> 0 OR SUM("bestSum") <> 0 OR SUM("gainCount") <> 0 OR SUM("gainPreSum") <> 0 OR SUM("gainBestSum") <> 0
    ORDER BY "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress"
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
  PERFORM 1 FROM "user" WHERE "id" IN (SELECT "userId" AS "person" FROM "new_rows") ORDER BY "id" FOR NO KEY UPDATE;
  UPDATE "user" SET "enrolledInAgency" = NOT "enrolledInAgency"
    WHERE "enrolledInAgency" IS DISTINCT FROM EXISTS (SELECT 1 FROM "enrolment" e JOIN "cohort" c ON c."id" = e."cohortId" WHERE e."userId" = "user"."id" AND c."agencyId" = "user"."agencyId")
    AND "id" IN (SELECT "userId" AS "person" FROM "new_rows");
  RETURN NULL;
END
$$;

CREATE FUNCTION "enrolment_counts_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    SELECT "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", SUM("n"), SUM("bestCount"), SUM("bestSum"), SUM("gainCount"), SUM("gainPreSum"), SUM("gainBestSum")
    FROM (SELECT e."cohortId", COALESCE(e."personAgencyId", '') AS "agencyId", COALESCE(e."personUnitId", '') AS "unitId", COALESCE(e."personEmploymentType", '') AS "employmentType", COALESCE(e."personIdentityStatus", '') AS "identityStatus", CASE WHEN e."passedAt" IS NOT NULL THEN 'lulus' WHEN e."lessonsDone" > 0 OR e."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END AS "progress", -1 AS "n", -(CASE WHEN e."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "bestCount", -COALESCE(e."bestPostTestScore", 0) AS "bestSum", -(CASE WHEN e."bestPostTestScore" IS NOT NULL AND e."preTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "gainCount", -(CASE WHEN e."bestPostTestScore" IS NOT NULL AND e."preTestScore" IS NOT NULL THEN e."preTestScore" ELSE 0 END) AS "gainPreSum", -(CASE WHEN e."bestPostTestScore" IS NOT NULL AND e."preTestScore" IS NOT NULL THEN e."bestPostTestScore" ELSE 0 END) AS "gainBestSum" FROM "old_rows" e) AS "delta"
    GROUP BY "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress" HAVING SUM("n") <> 0 OR SUM("bestCount") <> 0 OR SUM("bestSum") <> 0 OR SUM("gainCount") <> 0 OR SUM("gainPreSum") <> 0 OR SUM("gainBestSum") <> 0
    ORDER BY "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress"
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
  PERFORM 1 FROM "user" WHERE "id" IN (SELECT "userId" AS "person" FROM "old_rows") ORDER BY "id" FOR NO KEY UPDATE;
  UPDATE "user" SET "enrolledInAgency" = NOT "enrolledInAgency"
    WHERE "enrolledInAgency" IS DISTINCT FROM EXISTS (SELECT 1 FROM "enrolment" e JOIN "cohort" c ON c."id" = e."cohortId" WHERE e."userId" = "user"."id" AND c."agencyId" = "user"."agencyId")
    AND "id" IN (SELECT "userId" AS "person" FROM "old_rows");
  RETURN NULL;
END
$$;

CREATE FUNCTION "enrolment_counts_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "enrolment_count" ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", "n", "bestCount", "bestSum", "gainCount", "gainPreSum", "gainBestSum")
    SELECT "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress", SUM("n"), SUM("bestCount"), SUM("bestSum"), SUM("gainCount"), SUM("gainPreSum"), SUM("gainBestSum")
    FROM (SELECT o."cohortId", COALESCE(o."personAgencyId", '') AS "agencyId", COALESCE(o."personUnitId", '') AS "unitId", COALESCE(o."personEmploymentType", '') AS "employmentType", COALESCE(o."personIdentityStatus", '') AS "identityStatus", CASE WHEN o."passedAt" IS NOT NULL THEN 'lulus' WHEN o."lessonsDone" > 0 OR o."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END AS "progress", -1 AS "n", -(CASE WHEN o."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "bestCount", -COALESCE(o."bestPostTestScore", 0) AS "bestSum", -(CASE WHEN o."bestPostTestScore" IS NOT NULL AND o."preTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "gainCount", -(CASE WHEN o."bestPostTestScore" IS NOT NULL AND o."preTestScore" IS NOT NULL THEN o."preTestScore" ELSE 0 END) AS "gainPreSum", -(CASE WHEN o."bestPostTestScore" IS NOT NULL AND o."preTestScore" IS NOT NULL THEN o."bestPostTestScore" ELSE 0 END) AS "gainBestSum" FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id" WHERE (o."cohortId", o."personAgencyId", o."personUnitId", o."personEmploymentType", o."personIdentityStatus", o."lessonsDone", o."postTestAttempts", o."passedAt", o."bestPostTestScore", o."preTestScore") IS DISTINCT FROM (n."cohortId", n."personAgencyId", n."personUnitId", n."personEmploymentType", n."personIdentityStatus", n."lessonsDone", n."postTestAttempts", n."passedAt", n."bestPostTestScore", n."preTestScore") UNION ALL SELECT n."cohortId", COALESCE(n."personAgencyId", '') AS "agencyId", COALESCE(n."personUnitId", '') AS "unitId", COALESCE(n."personEmploymentType", '') AS "employmentType", COALESCE(n."personIdentityStatus", '') AS "identityStatus", CASE WHEN n."passedAt" IS NOT NULL THEN 'lulus' WHEN n."lessonsDone" > 0 OR n."postTestAttempts" > 0 THEN 'mulai' ELSE 'belum' END AS "progress", 1 AS "n", (CASE WHEN n."bestPostTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "bestCount", COALESCE(n."bestPostTestScore", 0) AS "bestSum", (CASE WHEN n."bestPostTestScore" IS NOT NULL AND n."preTestScore" IS NOT NULL THEN 1 ELSE 0 END) AS "gainCount", (CASE WHEN n."bestPostTestScore" IS NOT NULL AND n."preTestScore" IS NOT NULL THEN n."preTestScore" ELSE 0 END) AS "gainPreSum", (CASE WHEN n."bestPostTestScore" IS NOT NULL AND n."preTestScore" IS NOT NULL THEN n."bestPostTestScore" ELSE 0 END) AS "gainBestSum" FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id" WHERE (o."cohortId", o."personAgencyId", o."personUnitId", o."personEmploymentType", o."personIdentityStatus", o."lessonsDone", o."postTestAttempts", o."passedAt", o."bestPostTestScore", o."preTestScore") IS DISTINCT FROM (n."cohortId", n."personAgencyId", n."personUnitId", n."personEmploymentType", n."personIdentityStatus", n."lessonsDone", n."postTestAttempts", n."passedAt", n."bestPostTestScore", n."preTestScore")) AS "delta"
    GROUP BY "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress" HAVING SUM("n") <> 0 OR SUM("bestCount") <> 0 OR SUM("bestSum") <> 0 OR SUM("gainCount") <> 0 OR SUM("gainPreSum") <> 0 OR SUM("gainBestSum") <> 0
    ORDER BY "cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress"
    ON CONFLICT ("cohortId", "agencyId", "unitId", "employmentType", "identityStatus", "progress") DO UPDATE SET "n" = "enrolment_count"."n" + excluded."n", "bestCount" = "enrolment_count"."bestCount" + excluded."bestCount", "bestSum" = "enrolment_count"."bestSum" + excluded."bestSum", "gainCount" = "enrolment_count"."gainCount" + excluded."gainCount", "gainPreSum" = "enrolment_count"."gainPreSum" + excluded."gainPreSum", "gainBestSum" = "enrolment_count"."gainBestSum" + excluded."gainBestSum";
  IF EXISTS (SELECT 1 FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id" WHERE o."userId" IS DISTINCT FROM n."userId" OR o."cohortId" IS DISTINCT FROM n."cohortId") THEN
  PERFORM 1 FROM "user" WHERE "id" IN (SELECT o."userId" AS "person" FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id" WHERE o."userId" IS DISTINCT FROM n."userId" OR o."cohortId" IS DISTINCT FROM n."cohortId" UNION SELECT n."userId" FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id" WHERE o."userId" IS DISTINCT FROM n."userId" OR o."cohortId" IS DISTINCT FROM n."cohortId") ORDER BY "id" FOR NO KEY UPDATE;
  UPDATE "user" SET "enrolledInAgency" = NOT "enrolledInAgency"
    WHERE "enrolledInAgency" IS DISTINCT FROM EXISTS (SELECT 1 FROM "enrolment" e JOIN "cohort" c ON c."id" = e."cohortId" WHERE e."userId" = "user"."id" AND c."agencyId" = "user"."agencyId")
    AND "id" IN (SELECT o."userId" AS "person" FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id" WHERE o."userId" IS DISTINCT FROM n."userId" OR o."cohortId" IS DISTINCT FROM n."cohortId" UNION SELECT n."userId" FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id" WHERE o."userId" IS DISTINCT FROM n."userId" OR o."cohortId" IS DISTINCT FROM n."cohortId");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "enrolment_counts_insert" AFTER INSERT ON "enrolment"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "enrolment_counts_after_insert"();
CREATE TRIGGER "enrolment_counts_delete" AFTER DELETE ON "enrolment"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "enrolment_counts_after_delete"();
CREATE TRIGGER "enrolment_counts_update" AFTER UPDATE ON "enrolment"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "enrolment_counts_after_update"();
