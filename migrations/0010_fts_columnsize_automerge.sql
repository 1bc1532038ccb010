-- The full-text index costs the writer less per quote.
--
-- * `columnsize=0`: FTS5 no longer keeps a row per quote in `quotes_fts_docsize` (the
--   token count of each document). Only bm25() and xColumnSize use it, and `q=` pages
--   are read in sort-key order, never ranked. One b-tree insert fewer per quote; a
--   table option, so the index is built again (about 2 s per 200,000 quotes, once).
-- * `automerge=16`, `crisismerge=64`: FTS5 merges its segments incrementally 16 at a
--   time rather than 4, so each term's entries are rewritten on fewer levels as the
--   index grows. The crisis threshold goes up with it: at its default (16) a level that
--   reaches 16 segments is merged whole at once inside one commit, which is what
--   automerge 16 alone would do (commits of 130–270 ms instead of under 55 ms, 200,000
--   documents in commits of 20, Python's sqlite3). Reads look at more segments: `q=`
--   stays well inside its latency target (README "Performance"). Both are stored in the
--   index's config table.
--
-- Measured with callgrind on the ingest load test (1,500 articles, fresh database), the
-- writer's instructions per article: automerge 4 → 16 −3.8% (8: −2.7%; 0, merges only in
-- a crisis: −4.5%).
DROP TRIGGER IF EXISTS quotes_fts_delete;
DROP TRIGGER IF EXISTS quotes_fts_update;
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text,
    content = 'quotes',
    content_rowid = 'sort_key',
    tokenize = 'unicode61 remove_diacritics 2',
    columnsize = 0
);
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('automerge', 16);
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('crisismerge', 64);
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.sort_key, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.sort_key, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.sort_key, new.text);
END;
