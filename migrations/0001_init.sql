-- Verbatim schema, version 1. Offsets are Unicode code points into articles.text.
-- Dates are ISO 8601 UTC strings ('YYYY-MM-DDTHH:MM:SSZ'), so they sort as text.

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    url           TEXT UNIQUE,
    content_hash  BLOB NOT NULL UNIQUE,
    source        TEXT,
    title         TEXT,
    byline        TEXT,
    language      TEXT,
    text          TEXT NOT NULL,
    published_at  TEXT,
    ingested_at   TEXT NOT NULL,
    -- published_at when known, else ingested_at: the date every filter and sort uses.
    dated_at      TEXT NOT NULL
);
CREATE INDEX articles_dated ON articles (dated_at DESC, id DESC);
CREATE INDEX articles_source_dated ON articles (source, dated_at DESC, id DESC);

CREATE TABLE actors (
    id              INTEGER PRIMARY KEY,
    canonical_name  TEXT NOT NULL,
    folded_name     TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place', 'group')),
    -- last word of the folded name, for people only ("antony blinken" -> "blinken")
    surname         TEXT,
    UNIQUE (folded_name, kind)
);
CREATE INDEX actors_surname ON actors (surname) WHERE surname IS NOT NULL;

CREATE TABLE actor_aliases (
    actor_id  INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    folded    TEXT NOT NULL,
    PRIMARY KEY (actor_id, folded)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_folded ON actor_aliases (folded);

-- roles ("spokesperson") and affiliations ("NATO") seen for an actor
CREATE TABLE actor_attributes (
    actor_id  INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('role', 'affiliation')),
    value     TEXT NOT NULL,
    PRIMARY KEY (actor_id, kind, value)
) WITHOUT ROWID;

-- which articles name which actors: first/last seen, and clean-up on delete
CREATE TABLE article_actors (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id    INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX article_actors_actor ON article_actors (actor_id, article_id);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id    INTEGER REFERENCES actors (id) ON DELETE SET NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    label       TEXT NOT NULL CHECK (label IN ('PER', 'ORG', 'LOC', 'MISC')),
    text        TEXT NOT NULL,
    folded      TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions (article_id, start);
CREATE INDEX mentions_actor ON mentions (actor_id, label);
CREATE INDEX mentions_folded ON mentions (folded, label);
CREATE INDEX mentions_label ON mentions (label, actor_id);

CREATE TABLE quotes (
    id                  INTEGER PRIMARY KEY,
    article_id          INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start               INTEGER NOT NULL,
    "end"               INTEGER NOT NULL,
    text                TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('direct', 'mixed', 'indirect')),
    cue_start           INTEGER,
    cue_end             INTEGER,
    cue_text            TEXT,
    speaker_actor_id    INTEGER REFERENCES actors (id) ON DELETE SET NULL,
    speaker_name        TEXT,
    speaker_text        TEXT,
    speaker_start       INTEGER,
    speaker_end         INTEGER,
    speaker_how         TEXT,
    speaker_confidence  REAL,
    role                TEXT,
    affiliation         TEXT,
    confidence          REAL NOT NULL,
    -- copied from the article so date and source filters need no join
    dated_at            TEXT NOT NULL,
    source              TEXT
);
CREATE INDEX quotes_dated ON quotes (dated_at DESC, id DESC);
CREATE INDEX quotes_speaker ON quotes (speaker_actor_id, dated_at DESC, id DESC);
CREATE INDEX quotes_article ON quotes (article_id, start);
CREATE INDEX quotes_source ON quotes (source, dated_at DESC, id DESC);
CREATE INDEX quotes_kind ON quotes (kind, dated_at DESC, id DESC);

-- actors named inside a quote: "what did Blinken say about Russia"
CREATE TABLE quote_mentions (
    actor_id  INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    quote_id  INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    PRIMARY KEY (actor_id, quote_id)
) WITHOUT ROWID;
CREATE INDEX quote_mentions_quote ON quote_mentions (quote_id);

-- full text over quote text; external content, kept in sync by triggers
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text,
    content = 'quotes',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
