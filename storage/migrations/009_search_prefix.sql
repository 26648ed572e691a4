-- The search index again, with prefix indexes for 1-, 2- and 3-letter prefixes: without
-- them a short last word ("p", "po", "pog" while typing in /news) made FTS5 merge the
-- doclist of every word it starts (up to 136 ms at 200k stories, where the search budget
-- on the event loop is 10 ms); with them each is one doclist read newest first, which
-- stops at the search window. A longer prefix merges fewer words, and a costly one is
-- searched off the event loop (storage/lookups.py, `_costly_prefix`). The index
-- grows about threefold (92 MB to 281 MB at 200k stories; the database by 45 %), and
-- rebuilding it takes some 25 s at 200k stories, once. Same columns, tokenizer and
-- triggers as 001_init.sql.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, summary, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
-- One segment to start from (reads probe every segment: multi-word searches ran 2-3x
-- faster at 200k stories); new stories add segments that FTS5 merges as usual.
INSERT INTO articles_fts (articles_fts) VALUES ('optimize');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, summary, body)
    VALUES (new.id, new.title, new.summary, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary, body)
    VALUES ('delete', old.id, old.title, old.summary, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, summary, body)
    VALUES ('delete', old.id, old.title, old.summary, old.body);
    INSERT INTO articles_fts (rowid, title, summary, body)
    VALUES (new.id, new.title, new.summary, new.body);
END;
