-- Search in windows of recency: PostgreSQL's search index gains id-range and word-start
-- marks and a `search_window` function (015_search_windows.postgres.sql). FTS5 needs
-- nothing of the kind: it walks its matches newest first and stops, and its prefix
-- indexes (migration 009) already hold the short word starts.

-- A search sorts its newest matches by date: read from this index, not from the stories'
-- rows, which hold their bodies (several pages each for a long story).
CREATE INDEX articles_by_id_time ON articles (id, sort_at, feed_id);
