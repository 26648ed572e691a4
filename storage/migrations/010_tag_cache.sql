-- The tag cache (bot/pipeline/ingest.py): what a story's stored tags and moves were
-- computed from, besides its text (content_hash): a hash of the roster in force
-- (RosterState.fingerprint), the feed's cycling decision, the story's language and its
-- publication date. A story stored with the same text and the same inputs is not
-- tagged again. NULL (stories stored before this migration): tagged again, once, the
-- next time their feed changes.
ALTER TABLE articles ADD COLUMN tagged_with TEXT;
