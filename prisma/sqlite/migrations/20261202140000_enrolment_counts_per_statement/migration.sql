-- PostgreSQL only (decision 044): its enrolment_count triggers now run once per statement.
-- SQLite keeps its row triggers; nothing changes here.
SELECT 1;
