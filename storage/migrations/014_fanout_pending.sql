-- Deferred fan-out: the poll's transaction records each new postable story here, and the
-- leader turns it into outbox rows later (bot/pipeline/expansion.py), one story per
-- transaction, oldest first, deleting the record with the rows it wrote. A story is thus
-- never stored without its fan-out recorded, and nothing is lost if the leader dies.
-- story: what fan-out reads of it (entities, races, kind, title...), as JSON, so
-- expansion needs no tagging again.
CREATE TABLE fanout_pending (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    feed_id    INTEGER NOT NULL,
    public     INTEGER NOT NULL,
    queued_at  REAL NOT NULL,
    story      TEXT NOT NULL,
    PRIMARY KEY (article_id)
);

-- Catch-all subscriptions ('all', 'transfers' without a team) found without reading every
-- subscription: fan-out asks for one kind with no entity.
CREATE INDEX subscriptions_by_kind ON subscriptions (kind, entity_id);

-- The newest story stored when a subscription or follow was made (or turned back on): it
-- gets only stories stored after it (a higher article id), even when their fan-out is
-- expanded later. NULL (made before this migration): every story. An id, not a clock, so
-- no clock of a test or of another machine takes part. (SQLite can give the newest id
-- again: a subscription made while story N was the newest misses the next story if N is
-- deleted first, its feed removed, as that story reuses id N. PostgreSQL never reuses one.)
ALTER TABLE subscriptions ADD COLUMN fanout_from INTEGER;
ALTER TABLE follows ADD COLUMN fanout_from INTEGER;
