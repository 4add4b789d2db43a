-- The people list's count of a whole agency (decision 039): the agency's counted people
-- (lib/hr/counted-person.ts: a NIP, or a rejected claim) as a partial index on "agencyId" alone.
-- The count is then an index-only scan of ~90 pages at 100,000 people instead of a parallel scan
-- of the whole table (~6,000 pages, ~200 ms). PostgreSQL only: SQLite does not count from a
-- partial index without reading the table (it checks the OR against each row), so there the
-- covering indexes of decision 027 stay. Prisma's schema cannot express a partial index, so it
-- lives only here; later migrations keep it (their diffs compare schema files). The WHERE must
-- stay written as COUNTED_PERSON_SQL is (lib/hr/enrolment-rows.server.ts).
CREATE INDEX "user_counted_agency_idx" ON "user" ("agencyId") WHERE "nip" IS NOT NULL OR "identityStatus" = 'rejected';
