-- For the fuzzy stage of `GET /actors?name=`, which compares the query with names that
-- share its first letter(s) and whose length is within the allowed edits of its own.
--
-- 1. The distinct surnames of people, by length. They were read from `actors_surname`
--    with DISTINCT, i.e. every person with such a surname (~1,900 index entries for
--    ~85 surnames on a 50,000-actor database: most of the request's CPU). The writer
--    adds a person's surname when it stores or renames the person. Rows are not removed
--    when their last actor goes (delete, rename): the table holds every surname of a
--    stored person and possibly a few no actor has any more, which is harmless, because
--    readers only use it to pick candidate surnames and then look the actors up by
--    surname.
CREATE TABLE actor_surnames (
    length   INTEGER NOT NULL,
    surname  TEXT NOT NULL,
    PRIMARY KEY (length, surname)
) WITHOUT ROWID;

INSERT INTO actor_surnames (length, surname)
    SELECT DISTINCT length(surname), surname FROM actors WHERE surname IS NOT NULL;

-- 2. Full names by length: the range of names sharing the query's first letter(s) was
--    read whole and filtered on length (274 → 22 µs for a one-word query, measured).
CREATE INDEX actors_length_name ON actors (length(folded_name), folded_name);
