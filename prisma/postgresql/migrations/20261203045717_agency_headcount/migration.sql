-- CreateTable
CREATE TABLE "agency_headcount" (
    "agencyId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "identityStatus" TEXT NOT NULL,
    "enrolled" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "agency_headcount_pkey" PRIMARY KEY ("agencyId","unitId","identityStatus","enrolled")
);

-- Decision 055: the people kept counted per agency, unit, identity status and "enrolledInAgency"
-- by triggers on "user" (whoever writes: Prisma, raw SQL, better-auth, a roster import, a foreign
-- key's SET NULL, the enrolment triggers that keep "enrolledInAgency"). A person counts when they
-- belong to an agency and have a NIP or a rejected claim (lib/hr/counted-person.ts,
-- COUNTED_PERSON_SQL); "" stands for no unit. Rows that fall to 0 stay (a sum reads them as 0).
-- Every row of "user" counts, an unpublished import's too: the reads take those off (decision 053).
-- Statement triggers with transition tables, one summed upsert per key and statement, keys in
-- order (as the enrolment counts since 20261202140000, decision 044): a row trigger would upsert
-- the same counter once per person, and one statement writing 50,000 people would leave 50,000
-- versions of a few rows in one transaction.

CREATE FUNCTION "user_headcount_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "agency_headcount" ("agencyId", "unitId", "identityStatus", "enrolled", "n")
    SELECT "agencyId", COALESCE("unitId", ''), CAST("identityStatus" AS TEXT), "enrolledInAgency", COUNT(*) FROM "new_rows"
    WHERE "agencyId" IS NOT NULL AND ("nip" IS NOT NULL OR "identityStatus" = 'rejected')
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("agencyId", "unitId", "identityStatus", "enrolled") DO UPDATE SET "n" = "agency_headcount"."n" + excluded."n";
  RETURN NULL;
END
$$;

CREATE FUNCTION "user_headcount_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "agency_headcount" ("agencyId", "unitId", "identityStatus", "enrolled", "n")
    SELECT "agencyId", COALESCE("unitId", ''), CAST("identityStatus" AS TEXT), "enrolledInAgency", -COUNT(*) FROM "old_rows"
    WHERE "agencyId" IS NOT NULL AND ("nip" IS NOT NULL OR "identityStatus" = 'rejected')
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("agencyId", "unitId", "identityStatus", "enrolled") DO UPDATE SET "n" = "agency_headcount"."n" + excluded."n";
  RETURN NULL;
END
$$;

-- Every UPDATE of "user" runs this once (a trigger with transition tables cannot name columns);
-- a statement that changes none of the five columns finds no changed row and writes nothing.
CREATE FUNCTION "user_headcount_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "agency_headcount" ("agencyId", "unitId", "identityStatus", "enrolled", "n")
    SELECT "agencyId", "unitId", "identityStatus", "enrolled", SUM("n") FROM (
      SELECT o."agencyId", COALESCE(o."unitId", '') AS "unitId", CAST(o."identityStatus" AS TEXT) AS "identityStatus", o."enrolledInAgency" AS "enrolled", -1 AS "n"
        FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
        WHERE (o."agencyId", o."unitId", o."identityStatus", o."nip" IS NULL, o."enrolledInAgency") IS DISTINCT FROM (n."agencyId", n."unitId", n."identityStatus", n."nip" IS NULL, n."enrolledInAgency")
          AND o."agencyId" IS NOT NULL AND (o."nip" IS NOT NULL OR o."identityStatus" = 'rejected')
      UNION ALL
      SELECT n."agencyId", COALESCE(n."unitId", ''), CAST(n."identityStatus" AS TEXT), n."enrolledInAgency", 1
        FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
        WHERE (o."agencyId", o."unitId", o."identityStatus", o."nip" IS NULL, o."enrolledInAgency") IS DISTINCT FROM (n."agencyId", n."unitId", n."identityStatus", n."nip" IS NULL, n."enrolledInAgency")
          AND n."agencyId" IS NOT NULL AND (n."nip" IS NOT NULL OR n."identityStatus" = 'rejected')
    ) AS "delta"
    GROUP BY 1, 2, 3, 4 HAVING SUM("n") <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("agencyId", "unitId", "identityStatus", "enrolled") DO UPDATE SET "n" = "agency_headcount"."n" + excluded."n";
  RETURN NULL;
END
$$;

CREATE TRIGGER "user_headcount_insert" AFTER INSERT ON "user"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "user_headcount_after_insert"();
CREATE TRIGGER "user_headcount_delete" AFTER DELETE ON "user"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "user_headcount_after_delete"();
CREATE TRIGGER "user_headcount_update" AFTER UPDATE ON "user"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "user_headcount_after_update"();

-- The people already there.
INSERT INTO "agency_headcount" ("agencyId", "unitId", "identityStatus", "enrolled", "n")
  SELECT "agencyId", COALESCE("unitId", ''), CAST("identityStatus" AS TEXT), "enrolledInAgency", COUNT(*) FROM "user"
  WHERE "agencyId" IS NOT NULL AND ("nip" IS NOT NULL OR "identityStatus" = 'rejected')
  GROUP BY 1, 2, 3, 4;
