-- `quotes_source (source, dated_at DESC, id DESC)`: one more random index page per quote
-- for the writer. A `source=` page (with no speaker, actor, mentions, words or article
-- filter) now walks that source's articles newest first (`articles_source_dated`) and
-- each one's quotes (`quotes_article`): quotes carry their article's date, and within a
-- date quote ids follow article ids (both are in arrival order), so (article date,
-- article id, quote id) is the same order as (date, quote id).
DROP INDEX IF EXISTS quotes_source;
