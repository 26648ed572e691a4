-- The search index's terms (storage/search.py): FTS5 matches a last word of four letters
-- or more as a prefix by merging the whole doclist of every term it starts (10-20 ms for
-- "cycli" at 200,000 stories, and rowid bounds do not stop it). With the terms at hand a
-- prefix becomes those terms ORed, each read newest first and stopped at the search
-- window (0.3 ms). Only terms of four letters or more: shorter prefixes have FTS5 prefix
-- indexes (migration 009). Filled here from the index itself, then by `index_story`
-- beside each story written. A term whose stories are gone stays: it matches nothing.
CREATE TABLE articles_fts_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE VIRTUAL TABLE temp.articles_fts_vocabulary USING fts5vocab(main, 'articles_fts', 'row');
INSERT INTO articles_fts_terms (term)
SELECT term FROM temp.articles_fts_vocabulary WHERE length(term) >= 4;
DROP TABLE temp.articles_fts_vocabulary;
