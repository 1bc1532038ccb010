-- `mentions_folded (folded, label)` served only `GET /entities?name=`, and the writer
-- paid one random index page for it on every mention (~25 an article; about a tenth of
-- the writer's time, measured). Nearly every mention has an actor, and a mention's
-- folded text is one of a few names per actor, so:
--
-- * `mention_names`: each (folded text, actor) pair seen in a mention, written once (the
--   writer remembers the pairs it wrote). A superset: rows are not removed when their
--   mentions go, which is harmless, because readers still check the mention itself.
-- * mentions without an actor keep an index on their folded text (a partial one).
--
-- `entities?name=X` reads the mentions with folded text X as: those without an actor
-- (the partial index), plus those of the actors `mention_names` lists for X (their
-- `mentions_actor` range, filtered on the text); the same rows as before.
CREATE TABLE mention_names (
    folded    TEXT NOT NULL,
    actor_id  INTEGER NOT NULL,
    PRIMARY KEY (folded, actor_id)
) WITHOUT ROWID;

INSERT INTO mention_names (folded, actor_id)
    SELECT DISTINCT folded, actor_id FROM mentions WHERE actor_id IS NOT NULL;

DROP INDEX IF EXISTS mentions_folded;
CREATE INDEX mentions_folded_unlinked ON mentions (folded, label) WHERE actor_id IS NULL;
