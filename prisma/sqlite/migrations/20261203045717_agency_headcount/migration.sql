-- CreateTable
CREATE TABLE "agency_headcount" (
    "agencyId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "identityStatus" TEXT NOT NULL,
    "enrolled" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("agencyId", "unitId", "identityStatus", "enrolled")
);

-- Decision 055: the people kept counted per agency, unit, identity status and "enrolledInAgency"
-- by row triggers on "user" (whoever writes: Prisma, raw SQL, better-auth, a roster import, a
-- foreign key's SET NULL, the enrolment triggers that keep "enrolledInAgency"). A person counts
-- when they belong to an agency and have a NIP or a rejected claim (lib/hr/counted-person.ts,
-- COUNTED_PERSON_SQL); "" stands for no unit. Rows that fall to 0 stay (a sum reads them as 0).
-- Every row of "user" counts, an unpublished import's too: the reads take those off (decision 053).
--
-- Watch: a later SQLite migration that redefines the "user" table drops these triggers (as it
-- drops the search index's, 20261202025000): it must recreate them and rebuild the counts as
-- below. tests/integration/agency-headcount.test.ts fails until it does.
CREATE TRIGGER "user_headcount_after_insert" AFTER INSERT ON "user"
WHEN new."agencyId" IS NOT NULL AND (new."nip" IS NOT NULL OR new."identityStatus" = 'rejected')
BEGIN
  INSERT INTO "agency_headcount" ("agencyId", "unitId", "identityStatus", "enrolled", "n") VALUES (new."agencyId", COALESCE(new."unitId", ''), new."identityStatus", new."enrolledInAgency", 1)
    ON CONFLICT ("agencyId", "unitId", "identityStatus", "enrolled") DO UPDATE SET "n" = "n" + 1;
END;

CREATE TRIGGER "user_headcount_after_delete" AFTER DELETE ON "user"
WHEN old."agencyId" IS NOT NULL AND (old."nip" IS NOT NULL OR old."identityStatus" = 'rejected')
BEGIN
  UPDATE "agency_headcount" SET "n" = "n" - 1
    WHERE "agencyId" = old."agencyId" AND "unitId" = COALESCE(old."unitId", '') AND "identityStatus" = old."identityStatus" AND "enrolled" = old."enrolledInAgency";
END;

CREATE TRIGGER "user_headcount_after_update" AFTER UPDATE OF "agencyId", "unitId", "identityStatus", "nip", "enrolledInAgency" ON "user"
WHEN old."agencyId" IS NOT new."agencyId" OR old."unitId" IS NOT new."unitId" OR old."identityStatus" IS NOT new."identityStatus" OR (old."nip" IS NULL) <> (new."nip" IS NULL) OR old."enrolledInAgency" IS NOT new."enrolledInAgency"
BEGIN
  UPDATE "agency_headcount" SET "n" = "n" - 1
    WHERE "agencyId" = old."agencyId" AND "unitId" = COALESCE(old."unitId", '') AND "identityStatus" = old."identityStatus" AND "enrolled" = old."enrolledInAgency"
      AND (old."nip" IS NOT NULL OR old."identityStatus" = 'rejected');
  INSERT INTO "agency_headcount" ("agencyId", "unitId", "identityStatus", "enrolled", "n")
    SELECT new."agencyId", COALESCE(new."unitId", ''), new."identityStatus", new."enrolledInAgency", 1
    WHERE new."agencyId" IS NOT NULL AND (new."nip" IS NOT NULL OR new."identityStatus" = 'rejected')
    ON CONFLICT ("agencyId", "unitId", "identityStatus", "enrolled") DO UPDATE SET "n" = "n" + 1;
END;

-- The people already there.
INSERT INTO "agency_headcount" ("agencyId", "unitId", "identityStatus", "enrolled", "n")
  SELECT "agencyId", COALESCE("unitId", ''), "identityStatus", "enrolledInAgency", COUNT(*) FROM "user"
  WHERE "agencyId" IS NOT NULL AND ("nip" IS NOT NULL OR "identityStatus" = 'rejected')
  GROUP BY "agencyId", COALESCE("unitId", ''), "identityStatus", "enrolledInAgency";
