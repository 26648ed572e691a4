-- Feeds, articles, tags, transfer moves, full-text search, settings kept in the database.
-- Times are Unix seconds (REAL, UTC).

CREATE TABLE feeds (
    id                   INTEGER PRIMARY KEY,
    url                  TEXT NOT NULL UNIQUE,
    title                TEXT,
    etag                 TEXT,
    last_modified        TEXT,
    body_hash            TEXT,
    added_at             REAL NOT NULL,
    listed               INTEGER NOT NULL DEFAULT 1,  -- 0: polled once by hand, never scheduled
    primed               INTEGER NOT NULL DEFAULT 0,  -- first poll done: later items are news
    last_polled_at       REAL,
    last_success_at      REAL,
    last_error           TEXT,
    last_error_at        REAL,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    failing_since        REAL,
    next_attempt_at      REAL NOT NULL DEFAULT 0,
    disabled_reason      TEXT
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    key          TEXT NOT NULL,            -- identity inside the feed (guid, link or hash)
    url          TEXT,                     -- canonical http(s) link
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL DEFAULT '',
    author       TEXT,
    image_url    TEXT,
    language     TEXT,
    published_at REAL,
    fetched_at   REAL NOT NULL,
    sort_at      REAL NOT NULL,            -- published_at, else fetched_at; never in the future
    content_hash TEXT NOT NULL,
    is_backlog   INTEGER NOT NULL DEFAULT 0,
    is_transfer  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (feed_id, key)
);
CREATE INDEX articles_by_time ON articles (sort_at DESC);
CREATE INDEX articles_by_url ON articles (url);

-- "Latest N stories for entity X" reads one contiguous range of this table.
CREATE TABLE tags (
    entity_id  TEXT NOT NULL,              -- roster id: rider, team or staff
    sort_at    REAL NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('rider', 'team', 'staff')),
    PRIMARY KEY (entity_id, sort_at, article_id)
) WITHOUT ROWID;
CREATE INDEX tags_by_article ON tags (article_id);

CREATE TABLE moves (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id    TEXT NOT NULL,
    person       TEXT NOT NULL,
    from_team_id TEXT,
    from_team    TEXT,
    to_team_id   TEXT,
    to_team      TEXT,
    status       TEXT NOT NULL CHECK (status IN ('confirmed', 'rumour')),
    season       INTEGER,
    sort_at      REAL NOT NULL
);
CREATE INDEX moves_by_time ON moves (sort_at DESC);
CREATE INDEX moves_by_person ON moves (person_id, sort_at DESC);
CREATE INDEX moves_by_from ON moves (from_team_id, sort_at DESC);
CREATE INDEX moves_by_to ON moves (to_team_id, sort_at DESC);
CREATE INDEX moves_by_article ON moves (article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, summary, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
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

-- Roster files imported with `domestique roster import`, applied on top of the bundled roster.
CREATE TABLE roster_imports (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    content     TEXT NOT NULL,
    imported_at REAL NOT NULL
);

-- Small facts about the whole installation (e.g. last completed poll cycle).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
