-- The distinct surnames of people, for the fuzzy stage of `GET /actors?name=`: it compared
-- the query with every distinct surname sharing its first letter, and read them from
-- `actors_surname` with DISTINCT, i.e. every person with such a surname (~1,900 index
-- entries for ~85 surnames on a 50,000-actor database: most of the request's CPU).
-- The writer adds a person's surname when it stores or renames the person. Rows are not
-- removed when their last actor goes (delete, rename): the table holds every surname of
-- a stored person and possibly a few no actor has any more, which is harmless, because
-- readers only use it to pick candidate surnames and then look the actors up by surname.
CREATE TABLE actor_surnames (
    surname  TEXT PRIMARY KEY
) WITHOUT ROWID;

INSERT INTO actor_surnames (surname)
    SELECT DISTINCT surname FROM actors WHERE surname IS NOT NULL;
