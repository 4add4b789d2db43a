-- CreateTable
CREATE TABLE "rate_limit_counter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "windowStart" BIGINT NOT NULL,
    "blockedUntil" BIGINT NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "trusted_device" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "trusted_device_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "transfer_request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "fromAgencyId" TEXT NOT NULL,
    "toAgencyId" TEXT NOT NULL,
    "toUnitId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "requestedById" TEXT,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "note" TEXT,
    CONSTRAINT "transfer_request_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "transfer_request_fromAgencyId_fkey" FOREIGN KEY ("fromAgencyId") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "transfer_request_toAgencyId_fkey" FOREIGN KEY ("toAgencyId") REFERENCES "agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "transfer_request_toUnitId_fkey" FOREIGN KEY ("toUnitId") REFERENCES "unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "transfer_request_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "transfer_request_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "nip" TEXT,
    "employmentType" TEXT,
    "role" TEXT NOT NULL DEFAULT 'learner',
    "agencyId" TEXT,
    "unitId" TEXT,
    "claimedAt" DATETIME,
    "identityStatus" TEXT NOT NULL DEFAULT 'claimed',
    "identityMethod" TEXT,
    "identityVerifiedAt" DATETIME,
    "identityVerifiedById" TEXT,
    "identityRejectedAt" DATETIME,
    "rejectedNip" TEXT,
    "disabledAt" DATETIME,
    "disabledReason" TEXT,
    "quizStartSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "user_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "user_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "user_identityVerifiedById_fkey" FOREIGN KEY ("identityVerifiedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_user" ("agencyId", "claimedAt", "createdAt", "email", "emailVerified", "employmentType", "id", "image", "name", "nip", "role", "unitId", "updatedAt") SELECT "agencyId", "claimedAt", "createdAt", "email", "emailVerified", "employmentType", "id", "image", "name", "nip", "role", "unitId", "updatedAt" FROM "user";
DROP TABLE "user";
ALTER TABLE "new_user" RENAME TO "user";
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");
CREATE UNIQUE INDEX "user_nip_key" ON "user"("nip");
CREATE INDEX "user_agencyId_role_idx" ON "user"("agencyId", "role");
CREATE INDEX "user_agencyId_identityStatus_idx" ON "user"("agencyId", "identityStatus");
CREATE INDEX "user_unitId_idx" ON "user"("unitId");
CREATE TABLE "new_session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,
    "lastActiveAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_session" ("createdAt", "expiresAt", "id", "ipAddress", "token", "updatedAt", "userAgent", "userId") SELECT "createdAt", "expiresAt", "id", "ipAddress", "token", "updatedAt", "userAgent", "userId" FROM "session";
DROP TABLE "session";
ALTER TABLE "new_session" RENAME TO "session";
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");
CREATE INDEX "session_userId_idx" ON "session"("userId");
CREATE TABLE "new_lesson_progress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "contentVersion" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT '{}',
    "reachedEndAt" DATETIME,
    "completedAt" DATETIME,
    "openedAt" DATETIME,
    "sectionsReached" TEXT NOT NULL DEFAULT '[]',
    "activeSeconds" INTEGER NOT NULL DEFAULT 0,
    "lastHeartbeatAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "lesson_progress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_lesson_progress" ("completedAt", "contentVersion", "createdAt", "id", "lessonSlug", "reachedEndAt", "state", "updatedAt", "userId") SELECT "completedAt", "contentVersion", "createdAt", "id", "lessonSlug", "reachedEndAt", "state", "updatedAt", "userId" FROM "lesson_progress";
DROP TABLE "lesson_progress";
ALTER TABLE "new_lesson_progress" RENAME TO "lesson_progress";
CREATE UNIQUE INDEX "lesson_progress_userId_lessonSlug_key" ON "lesson_progress"("userId", "lessonSlug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "trusted_device_userId_idx" ON "trusted_device"("userId");

-- CreateIndex
CREATE INDEX "transfer_request_userId_status_idx" ON "transfer_request"("userId", "status");

-- CreateIndex
CREATE INDEX "transfer_request_fromAgencyId_status_idx" ON "transfer_request"("fromAgencyId", "status");

-- CreateIndex
CREATE INDEX "transfer_request_toAgencyId_status_idx" ON "transfer_request"("toAgencyId", "status");


-- Data: accounts an agency created (roster import, claimed or not) and platform staff were put
-- there by HR or an admin, so their NIP is the agency's word: verified. Self-registered learners
-- (a password account and no claim) stay "claimed" until their roster or HR confirms them.
UPDATE "user" SET "identityStatus" = 'verified', "identityMethod" = 'import', "identityVerifiedAt" = "createdAt"
WHERE "claimedAt" IS NOT NULL
   OR "role" <> 'learner'
   OR NOT EXISTS (SELECT 1 FROM "account" WHERE "account"."userId" = "user"."id");
