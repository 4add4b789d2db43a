-- Roles become capabilities (decision 037): every account is a learner; admin, HR, unit operator
-- and unit head are grants with a scope. Hand-written: Prisma would rebuild "user", which drops
-- the raw-SQL index, the search triggers and the enrolment-fact triggers on it (decision 033).
CREATE TABLE "capability_grant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "capability" TEXT NOT NULL,
    "agencyId" TEXT,
    "unitId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "grantedById" TEXT,
    "grantedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "capability_grant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "capability_grant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "capability_grant_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "capability_grant_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "capability_grant_agencyId_capability_idx" ON "capability_grant"("agencyId", "capability");
CREATE INDEX "capability_grant_unitId_idx" ON "capability_grant"("unitId");
CREATE INDEX "capability_grant_grantedById_idx" ON "capability_grant"("grantedById");
CREATE UNIQUE INDEX "capability_grant_userId_capability_scopeKey_key" ON "capability_grant"("userId", "capability", "scopeKey");

-- Existing HR officers and admins keep what they could do.
INSERT INTO "capability_grant" ("id", "userId", "capability", "agencyId", "unitId", "scopeKey", "grantedAt")
SELECT 'grant-hr-' || "id", "id", 'hr', "agencyId", NULL, "agencyId", CURRENT_TIMESTAMP FROM "user" WHERE "role" = 'hr' AND "agencyId" IS NOT NULL;
INSERT INTO "capability_grant" ("id", "userId", "capability", "agencyId", "unitId", "scopeKey", "grantedAt")
SELECT 'grant-admin-' || "id", "id", 'admin', NULL, NULL, '', CURRENT_TIMESTAMP FROM "user" WHERE "role" = 'admin';

DROP INDEX "user_agencyId_role_idx";
DROP INDEX "user_agencyId_enrolledInAgency_role_nip_idx";
DROP INDEX "user_agencyId_lower_name_id_idx";
ALTER TABLE "user" DROP COLUMN "role";
CREATE INDEX "user_agencyId_enrolledInAgency_nip_identityStatus_idx" ON "user"("agencyId", "enrolledInAgency", "nip", "identityStatus");
-- The people list's keyset order (decision 027). It covers who counts (a NIP, or a rejected
-- claim: enrolment-rows.server.ts) instead of the role.
CREATE INDEX "user_agencyId_lower_name_id_idx" ON "user" ("agencyId", LOWER("name"), "id", "nip", "identityStatus");

-- Staged import rows no longer carry a role (nothing else references this table).
ALTER TABLE "roster_import_staging" DROP COLUMN "role";
