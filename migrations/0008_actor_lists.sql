-- An actor's aliases, roles and affiliations, also kept on its row as JSON arrays of
-- strings, so that a page of actors (`GET /actors?name=`, 50 actors) reads one row per
-- actor instead of its row and two primary-key ranges of `actor_aliases` and
-- `actor_attributes` (two more b-tree descents each: about a third of the request's
-- CPU on the 1M-quote database). The tables stay: they are what names are looked up by.
-- The arrays are in no particular order; readers sort them (as they sorted the rows).
-- Triggers keep them: the writer inserts aliases and attributes with INSERT OR IGNORE,
-- which fires no trigger when the row exists; deletes come from actors deleted with
-- everything (the cascade), after which the row is gone anyway.
ALTER TABLE actors ADD COLUMN alias_list TEXT NOT NULL DEFAULT '[]';
ALTER TABLE actors ADD COLUMN role_list TEXT NOT NULL DEFAULT '[]';
ALTER TABLE actors ADD COLUMN affiliation_list TEXT NOT NULL DEFAULT '[]';

UPDATE actors SET
    alias_list = (SELECT json_group_array(alias) FROM actor_aliases WHERE actor_id = actors.id),
    role_list = (SELECT json_group_array(value) FROM actor_attributes
                 WHERE actor_id = actors.id AND kind = 'role'),
    affiliation_list = (SELECT json_group_array(value) FROM actor_attributes
                        WHERE actor_id = actors.id AND kind = 'affiliation');

CREATE TRIGGER actor_aliases_list_insert AFTER INSERT ON actor_aliases BEGIN
    UPDATE actors SET alias_list = json_insert(alias_list, '$[#]', NEW.alias)
    WHERE id = NEW.actor_id;
END;

CREATE TRIGGER actor_aliases_list_delete AFTER DELETE ON actor_aliases BEGIN
    UPDATE actors SET
        alias_list = (SELECT json_group_array(alias) FROM actor_aliases WHERE actor_id = OLD.actor_id)
    WHERE id = OLD.actor_id;
END;

CREATE TRIGGER actor_attributes_list_insert AFTER INSERT ON actor_attributes BEGIN
    UPDATE actors SET
        role_list = CASE WHEN NEW.kind = 'role'
                         THEN json_insert(role_list, '$[#]', NEW.value) ELSE role_list END,
        affiliation_list = CASE WHEN NEW.kind = 'affiliation'
                                THEN json_insert(affiliation_list, '$[#]', NEW.value)
                                ELSE affiliation_list END
    WHERE id = NEW.actor_id;
END;

CREATE TRIGGER actor_attributes_list_delete AFTER DELETE ON actor_attributes BEGIN
    UPDATE actors SET
        role_list = (SELECT json_group_array(value) FROM actor_attributes
                     WHERE actor_id = OLD.actor_id AND kind = 'role'),
        affiliation_list = (SELECT json_group_array(value) FROM actor_attributes
                            WHERE actor_id = OLD.actor_id AND kind = 'affiliation')
    WHERE id = OLD.actor_id;
END;
