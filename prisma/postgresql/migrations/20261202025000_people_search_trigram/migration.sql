-- The people list's name search (decision 030): trigram GIN indexes (pg_trgm) on the three
-- expressions the search compares with LIKE '%...%', so a search for a substring reads the
-- people whose text holds its trigrams instead of every person of the agency. The query is
-- unchanged (lib/hr/enrolment-rows.server.ts): the planner uses these for LIKE, and rechecks
-- each candidate row. Prisma's schema cannot express them, so they live only here (and in a
-- comment in prisma/schema.prisma).
--
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the
-- database owner may create it without superuser rights. Keep semicolons out of comments here
-- (they split statements).
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

CREATE INDEX "user_lower_name_trgm_idx" ON "user" USING GIN (LOWER("name") gin_trgm_ops);

CREATE INDEX "user_lower_email_trgm_idx" ON "user" USING GIN (LOWER("email") gin_trgm_ops);

CREATE INDEX "user_nip_trgm_idx" ON "user" USING GIN ("nip" gin_trgm_ops);
