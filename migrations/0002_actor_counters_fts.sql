-- Counters kept on each actor by the writer (insert and delete of articles), so that
-- listing actors reads them instead of counting quotes, mentions and articles per request.
-- Same meaning as the live counts they replace:
--   quote_count    quotes whose speaker_actor_id is the actor
--   mention_count  mentions whose actor_id is the actor
--   article_count  rows of article_actors for the actor
--   first_seen / last_seen  MIN / MAX of articles.dated_at over those articles
ALTER TABLE actors ADD COLUMN quote_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN first_seen TEXT;
ALTER TABLE actors ADD COLUMN last_seen TEXT;

UPDATE actors SET
    quote_count = (SELECT COUNT(*) FROM quotes WHERE speaker_actor_id = actors.id),
    mention_count = (SELECT COUNT(*) FROM mentions WHERE actor_id = actors.id),
    article_count = (SELECT COUNT(*) FROM article_actors WHERE actor_id = actors.id),
    first_seen = (SELECT MIN(ar.dated_at) FROM article_actors aa
                  JOIN articles ar ON ar.id = aa.article_id WHERE aa.actor_id = actors.id),
    last_seen = (SELECT MAX(ar.dated_at) FROM article_actors aa
                 JOIN articles ar ON ar.id = aa.article_id WHERE aa.actor_id = actors.id);

-- The writer indexes each new quote in quotes_fts itself, right after inserting it. As a
-- trigger, the insert made every `INSERT INTO quotes` a multi-write statement with a
-- statement journal, and FTS5 flushes its pending terms to a new segment at every
-- statement savepoint: one segment per quote, then merges. Deletes and text updates
-- keep their triggers.
DROP TRIGGER quotes_fts_insert;
