-- `mentions_label (label, actor_id)` only served `GET /entities?label=`, which aggregates
-- every mention of the label: SQLite read the index and then each row at random, no
-- faster than scanning the table (measured on 2M mentions: 0.43 s with the index, 0.38 s
-- without for ORG at 5% of the mentions; 4.5 s either way for PER). The writer paid for
-- it on every mention (~25 an article), one random index page each.
DROP INDEX IF EXISTS mentions_label;
