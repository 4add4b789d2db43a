-- Decision 057: the kept counts (enrolment_count, decision 033/044; agency_headcount, decision
-- 055) are a few rows per agency that every write of an enrolment or a person updates again. At
-- the default fillfactor (100) a page is full once written, so each update's new version goes to
-- another page and the old one waits for VACUUM, which frees the space but leaves the table as
-- large as it grew: bench:hr's enrolment_count held 2,011 rows in 5,613 pages (44 MB) after its
-- seed, and the dashboard read all of them (13 ms of its 16 ms statement). With most of each page
-- left free, an update can stay on its page (no indexed column changes: a HOT update), and the
-- next visit to a page that has filled prunes the dead versions there, so the table keeps its
-- size. PostgreSQL only (SQLite rewrites a row in place).
ALTER TABLE "enrolment_count" SET (fillfactor = 25);
ALTER TABLE "agency_headcount" SET (fillfactor = 25);
-- The setting applies to pages written from now on: rewrite the tables (both are small: a few
-- thousand rows per agency; CLUSTER with a table name may run in the migration's transaction).
CLUSTER "enrolment_count" USING "enrolment_count_pkey";
CLUSTER "agency_headcount" USING "agency_headcount_pkey";
