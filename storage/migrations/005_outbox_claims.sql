-- Claims on outbox rows. A sender takes a target's due rows in one UPDATE (claimed_by its
-- own id, claimed_until a short lease it renews while it works) before sending any of
-- them, and only where no other sender holds a live claim on that target: two senders on
-- one database can never post the same row, nor one target's rows out of order. A
-- sender that dies leaves its rows claimable again once the lease runs out; its earlier
-- try is then found by the "already posted?" check (attempted_at, migration 004).
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until REAL;

-- Fan-out's check for a story a feed re-publishes under a new GUID and link: the same
-- feed's stories within a day of the new one, without reading every story the feed has.
CREATE INDEX articles_by_feed_time ON articles (feed_id, sort_at);
