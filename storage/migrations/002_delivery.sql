-- Subscriptions, follows, fan settings, the outbox and notices (delivery).
-- Discord ids are integers; times are Unix seconds (REAL, UTC).

-- What a server posts where. entity_id is "person:<id>" / "team:<id>" (NULL for
-- tracked, all, and transfers of every team).
CREATE TABLE subscriptions (
    id              INTEGER PRIMARY KEY,
    guild_id        INTEGER NOT NULL,
    channel_id      INTEGER NOT NULL,
    channel_type    TEXT NOT NULL DEFAULT 'text'
                    CHECK (channel_type IN ('text', 'thread', 'forum')),
    kind            TEXT NOT NULL CHECK (kind IN ('rider', 'team', 'transfers', 'tracked', 'all')),
    entity_id       TEXT,
    role_id         INTEGER,
    mode            TEXT NOT NULL DEFAULT 'each' CHECK (mode IN ('each', 'digest')),
    digest_hour     INTEGER NOT NULL DEFAULT 18 CHECK (digest_hour BETWEEN 0 AND 23),
    digest_minute   INTEGER NOT NULL DEFAULT 0 CHECK (digest_minute BETWEEN 0 AND 59),
    last_digest_at  REAL,
    created_by      INTEGER,
    created_at      REAL NOT NULL,
    disabled_reason TEXT,
    disabled_at     REAL
);
CREATE UNIQUE INDEX subscriptions_unique
    ON subscriptions (guild_id, channel_id, kind, COALESCE(entity_id, ''));
CREATE INDEX subscriptions_by_entity ON subscriptions (entity_id);

-- What a fan follows, delivered by DM.
CREATE TABLE follows (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('rider', 'team', 'transfers')),
    entity_id     TEXT,                     -- NULL: transfers of every team
    mode          TEXT NOT NULL DEFAULT 'each' CHECK (mode IN ('each', 'daily')),
    created_at    REAL NOT NULL,
    paused_reason TEXT,
    paused_at     REAL
);
CREATE UNIQUE INDEX follows_unique ON follows (user_id, kind, COALESCE(entity_id, ''));
CREATE INDEX follows_by_entity ON follows (entity_id);

CREATE TABLE fan_settings (
    user_id        INTEGER PRIMARY KEY,
    timezone       TEXT NOT NULL DEFAULT 'UTC',   -- IANA name, for the daily digest
    digest_hour    INTEGER NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23),
    digest_minute  INTEGER NOT NULL DEFAULT 0 CHECK (digest_minute BETWEEN 0 AND 59),
    dm_channel_id  INTEGER,                       -- from POST /users/@me/channels, kept
    last_digest_at REAL,
    updated_at     REAL NOT NULL
);

-- One row per (story, target): a target is "channel:<id>" or "user:<id>" (a fan's DMs).
-- A row is 'sent' only after Discord confirmed the message.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    target          TEXT NOT NULL,
    guild_id        INTEGER,
    subscription_id INTEGER REFERENCES subscriptions(id) ON DELETE CASCADE,
    follow_id       INTEGER REFERENCES follows(id) ON DELETE CASCADE,
    role_id         INTEGER,
    digest          INTEGER NOT NULL DEFAULT 0,   -- 1: waits for the target's digest
    also_on         TEXT,                         -- other sources of the same story
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
    nonce           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    last_error      TEXT,
    message_id      INTEGER,
    created_at      REAL NOT NULL,
    sent_at         REAL,
    UNIQUE (article_id, target)
);
CREATE INDEX outbox_due ON outbox (state, digest, next_attempt_at);
CREATE INDEX outbox_by_target ON outbox (target, state);

-- Messages for a server's moderators (guild_id) or for a fan (user_id), shown with
-- the answer to their next command.
CREATE TABLE notices (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER,
    user_id    INTEGER,
    text       TEXT NOT NULL,
    created_at REAL NOT NULL,
    shown_at   REAL,
    CHECK ((guild_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX notices_pending ON notices (shown_at, guild_id, user_id);
