-- Whether a feed is a cycling feed, measured on its stories (bot/pipeline/cycling_share.py):
-- the share of its recent stories (about the last 50) that read as cycling on their own
-- words, and how many stories were measured so far. 0 measured: never measured yet (a new
-- feed, or one polled before this migration); such a feed counts as a cycling feed until
-- its next poll with new stories measures it.
ALTER TABLE feeds ADD COLUMN cycling_share REAL NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN stories_measured INTEGER NOT NULL DEFAULT 0;
