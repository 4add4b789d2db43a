-- The people list's name search (decision 030): an FTS5 index of trigrams over "user"'s name,
-- email and NIP, so a search for a substring reads the people whose text holds its trigrams
-- instead of every person of the agency. Prisma's schema cannot express it, so it lives only
-- here (and in a comment in prisma/schema.prisma).
--
-- External content: the index stores no copy of the text, only trigrams keyed by "user"'s
-- rowid, and the three triggers below keep it in step with every insert, delete and change of
-- name, email or NIP (whoever writes: Prisma, raw SQL, better-auth). The trigram tokenizer folds
-- case (case_sensitive 0), so it finds a superset of what LOWER(...) LIKE finds, and the query
-- rechecks every candidate with the plain LIKE (lib/hr/enrolment-rows.server.ts). No ranking is
-- used, so no per-row sizes are kept (columnsize 0: ~13 % less work per written person).
--
-- Watch: a later SQLite migration that redefines the "user" table (Prisma's "RedefineTables":
-- new_user, copy, drop, rename) drops these triggers and renumbers rowids. Such a migration
-- must recreate the triggers and rebuild the index as below (and the expression index of
-- 20261201232816_hr_read_model_indexes) - tests/integration/hr-read-model-indexes.test.ts fails
-- until it does.
CREATE VIRTUAL TABLE "user_search" USING fts5("name", "email", "nip", content = 'user', content_rowid = 'rowid', tokenize = 'trigram case_sensitive 0', columnsize = 0);

CREATE TRIGGER "user_search_after_insert" AFTER INSERT ON "user" BEGIN
  INSERT INTO "user_search" ("rowid", "name", "email", "nip") VALUES (new."rowid", new."name", new."email", new."nip");
END;

CREATE TRIGGER "user_search_after_delete" AFTER DELETE ON "user" BEGIN
  INSERT INTO "user_search" ("user_search", "rowid", "name", "email", "nip") VALUES ('delete', old."rowid", old."name", old."email", old."nip");
END;

CREATE TRIGGER "user_search_after_update" AFTER UPDATE OF "name", "email", "nip" ON "user" BEGIN
  INSERT INTO "user_search" ("user_search", "rowid", "name", "email", "nip") VALUES ('delete', old."rowid", old."name", old."email", old."nip");
  INSERT INTO "user_search" ("rowid", "name", "email", "nip") VALUES (new."rowid", new."name", new."email", new."nip");
END;

-- The people already there.
INSERT INTO "user_search" ("user_search") VALUES ('rebuild');
