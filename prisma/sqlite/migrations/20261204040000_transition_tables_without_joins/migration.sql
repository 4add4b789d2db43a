-- PostgreSQL only (decision 067): its statement triggers find the changed rows without a join.
-- SQLite keeps its row triggers; nothing changes here.
SELECT 1;
