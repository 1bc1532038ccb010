-- One `mentions` row per named-entity mention (~25 an article) cost the writer three
-- b-tree inserts each (the table, `mentions_article`, `mentions_actor`): 16% of its
-- instructions, measured. The rows served three reads, now served by:
--
-- * `article_entities`: an article's mentions as one JSON array (built before the writer,
--   in `src/store/prepare.rs`), ordered by start then arrival, each
--   `[start, end, text, label, actor_id or null, folded text]`. It serves the article
--   view, `entity_count` in `GET /articles` and `GET /entities?article_id=`. No row for
--   an article without mentions.
-- * `entity_counts`: per (actor, label), the articles and mentions of that actor with
--   that label; the writer adds one row or count per distinct (actor, label) of the
--   article, a delete subtracts its own and removes rows that reach zero. It serves
--   `GET /entities` and the actors' `mention_count` recount after a delete.
-- * `unlinked_mentions`: the few mentions with no actor, one row each, grouped by their
--   folded text as before (their name is the least text of the group).
--
-- An actor is only deleted when no article names it any more (no `article_actors` row),
-- so no stored mention refers to a deleted actor: the old `ON DELETE SET NULL` never
-- applied to an actor that a mention named.
--
-- `mention_names` stays: `entities?name=X` counts, for an actor none of whose names
-- matches X, only its mentions written X, read from the JSON of its articles.
CREATE TABLE article_entities (
    article_id    INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    entity_count  INTEGER NOT NULL,
    entities      TEXT NOT NULL
);

CREATE TABLE entity_counts (
    actor_id       INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    label          TEXT NOT NULL,
    article_count  INTEGER NOT NULL,
    mention_count  INTEGER NOT NULL,
    PRIMARY KEY (actor_id, label)
) WITHOUT ROWID;

CREATE TABLE unlinked_mentions (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    label       TEXT NOT NULL
                CHECK (label = 'PER' OR label = 'ORG' OR label = 'LOC' OR label = 'MISC'),
    text        TEXT NOT NULL,
    folded      TEXT NOT NULL
);

INSERT INTO article_entities (article_id, entity_count, entities)
SELECT article_id, COUNT(*),
       json_group_array(json_array(start, "end", text, label, actor_id, folded)
                        ORDER BY start, id)
FROM mentions GROUP BY article_id;

INSERT INTO entity_counts (actor_id, label, article_count, mention_count)
SELECT actor_id, label, COUNT(DISTINCT article_id), COUNT(*)
FROM mentions WHERE actor_id IS NOT NULL GROUP BY actor_id, label;

INSERT INTO unlinked_mentions (article_id, label, text, folded)
SELECT article_id, label, text, folded FROM mentions WHERE actor_id IS NULL ORDER BY id;

CREATE INDEX unlinked_mentions_folded ON unlinked_mentions (folded, label);
CREATE INDEX unlinked_mentions_article ON unlinked_mentions (article_id);

DROP TABLE mentions;
