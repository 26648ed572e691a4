-- Per-server configuration: which shared feeds a server uses, what it tracks,
-- its own aliases, and where the bot reports problems to its moderators.
-- Discord ids are integers (snowflakes fit in SQLite's 64-bit INTEGER).

-- Feeds are fetched once per URL (table feeds); each server picks the ones it uses.
CREATE TABLE guild_feeds (
    guild_id  INTEGER NOT NULL,
    feed_id   INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    added_by  INTEGER,
    added_at  REAL NOT NULL,
    PRIMARY KEY (guild_id, feed_id)
) WITHOUT ROWID;
CREATE INDEX guild_feeds_by_feed ON guild_feeds (feed_id);

-- Riders and teams a server tracks ("tracked" subscriptions post stories tagged with any).
-- entity_id is "person:<id>" or "team:<id>", as in tags.
CREATE TABLE tracked (
    guild_id  INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    added_by  INTEGER,
    added_at  REAL NOT NULL,
    PRIMARY KEY (guild_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX tracked_by_entity ON tracked (entity_id);

-- Riders and teams moderators created (not in the roster), as roster TOML that the
-- tagger loads on top of the bundled roster, for every later story, at once.
CREATE TABLE custom_entities (
    entity_id  TEXT PRIMARY KEY,             -- "person:<id>" or "team:<id>"
    guild_id   INTEGER NOT NULL,             -- the server whose moderator created it
    content    TEXT NOT NULL,                -- one [[rider]] or [[team]] entry in roster TOML
    created_by INTEGER,
    created_at REAL NOT NULL
);

-- Aliases a server adds to an entity for its own tracking.
CREATE TABLE guild_aliases (
    guild_id  INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    alias     TEXT NOT NULL,
    added_by  INTEGER,
    added_at  REAL NOT NULL,
    PRIMARY KEY (guild_id, entity_id, alias)
) WITHOUT ROWID;

CREATE TABLE guild_settings (
    guild_id       INTEGER PRIMARY KEY,
    log_channel_id INTEGER,                  -- where delivery problems are reported
    updated_at     REAL NOT NULL
);
