-- Quote rows in arrival order. Until now a quote's id carried its date (unix seconds of
-- dated_at << 20, plus a sequence), so that FTS5's rowid order was date order. Articles
-- arrive in any date order, so every article's quotes landed in the middle of the
-- table (b-tree page splits on every insert: half of the writer's quote insert), and
-- FTS5 flushed a new segment whenever a rowid was lower than the previous one.
--
-- Now a new quote's id is the next integer (SQLite's max + 1), and the date-carrying
-- key moves to its own column, `sort_key`, with the same meaning as the old id:
-- `(unix seconds of dated_at << 20) + n`, n counting the quotes of that second in
-- arrival order. Ordering by sort_key is ordering by (dated_at, id): within one second
-- both follow arrival. Quotes already stored keep their ids (they are public:
-- `GET /quotes/{id}`), and their sort key is their id.
--
-- quotes_fts is keyed by sort_key (so a `q=` page is still read newest-first from FTS5
-- with a LIMIT) and is rebuilt once here (about 2 s per 200,000 quotes); its delete and
-- update triggers follow.
ALTER TABLE quotes ADD COLUMN sort_key INTEGER;
UPDATE quotes SET sort_key = id;
CREATE UNIQUE INDEX quotes_sort_key ON quotes (sort_key);

DROP TRIGGER IF EXISTS quotes_fts_delete;
DROP TRIGGER IF EXISTS quotes_fts_update;
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text,
    content = 'quotes',
    content_rowid = 'sort_key',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.sort_key, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.sort_key, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.sort_key, new.text);
END;

-- Two indexes fewer for the writer to keep (each cost it about one random index page
-- per quote, written to the WAL at every commit):
-- * `quotes_dated (dated_at DESC, id DESC)` walked the quotes in date order; that is
--   `quotes_sort_key` now (pages with no filter, or only kind, dates and a cursor,
--   whose dates become a sort-key range);
-- * `quotes_kind (kind, dated_at DESC, id DESC)`: a kind is a third of the quotes, so a
--   `kind=` page reads about three index entries per quote it keeps.
DROP INDEX IF EXISTS quotes_dated;
DROP INDEX IF EXISTS quotes_kind;
