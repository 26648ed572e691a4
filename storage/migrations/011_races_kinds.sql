-- Races and story kinds (issue 17): what a story is about and what kind of story it is,
-- subscriptions and follows narrowed to some kinds or aimed at a race, and the spoiler
-- shield (per channel and per fan) with held posts waiting in the outbox.

-- A story's race focus and kind (feeds.models.StoryTags), written with its tags. kind is
-- NULL for stories stored before this migration; focus_* are NULL without a focus.
ALTER TABLE articles ADD COLUMN kind TEXT;
ALTER TABLE articles ADD COLUMN focus_race TEXT;
ALTER TABLE articles ADD COLUMN focus_year INTEGER;
ALTER TABLE articles ADD COLUMN focus_stage INTEGER;
CREATE INDEX articles_by_kind ON articles (kind, sort_at);

-- Every race a story names, keyed like tags: "latest N stories about race X" is one
-- range scan of the primary key.
CREATE TABLE article_races (
    race_id    TEXT NOT NULL,                -- feeds/races id, e.g. "giro-d-italia"
    sort_at    REAL NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (race_id, sort_at, article_id)
);
CREATE INDEX article_races_by_article ON article_races (article_id);

-- Subscriptions and follows gain the 'race' kind (entity_id "race:<id>") and a set of
-- story kinds, as bits (storage/kinds.py; 0: every kind), so fan-out filters with one
-- integer test on either engine. A subscription's role is pinged only for ping_kinds
-- (0: every kind it posts). SQLite cannot change a CHECK in place: the three tables are
-- built again under new names, copied (ids kept), and the old ones dropped, the outbox
-- first, so dropping a parent cascades into no outbox row. Renaming a new table points
-- the new outbox's references at the final name.
CREATE TABLE subscriptions_011 (
    id              INTEGER PRIMARY KEY,
    guild_id        INTEGER NOT NULL,
    channel_id      INTEGER NOT NULL,
    channel_type    TEXT NOT NULL DEFAULT 'text'
                    CHECK (channel_type IN ('text', 'thread', 'forum')),
    kind            TEXT NOT NULL
                    CHECK (kind IN ('rider', 'team', 'transfers', 'tracked', 'all', 'race')),
    entity_id       TEXT,
    role_id         INTEGER,
    mode            TEXT NOT NULL DEFAULT 'each' CHECK (mode IN ('each', 'digest')),
    digest_hour     INTEGER NOT NULL DEFAULT 18 CHECK (digest_hour BETWEEN 0 AND 23),
    digest_minute   INTEGER NOT NULL DEFAULT 0 CHECK (digest_minute BETWEEN 0 AND 59),
    last_digest_at  REAL,
    created_by      INTEGER,
    created_at      REAL NOT NULL,
    disabled_reason TEXT,
    disabled_at     REAL,
    kinds           INTEGER NOT NULL DEFAULT 0,
    ping_kinds      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO subscriptions_011 (id, guild_id, channel_id, channel_type, kind, entity_id,
    role_id, mode, digest_hour, digest_minute, last_digest_at, created_by, created_at,
    disabled_reason, disabled_at)
SELECT id, guild_id, channel_id, channel_type, kind, entity_id, role_id, mode, digest_hour,
    digest_minute, last_digest_at, created_by, created_at, disabled_reason, disabled_at
FROM subscriptions;

CREATE TABLE follows_011 (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('rider', 'team', 'transfers', 'race')),
    entity_id     TEXT,
    mode          TEXT NOT NULL DEFAULT 'each' CHECK (mode IN ('each', 'daily')),
    created_at    REAL NOT NULL,
    paused_reason TEXT,
    paused_at     REAL,
    kinds         INTEGER NOT NULL DEFAULT 0
);
INSERT INTO follows_011 (id, user_id, kind, entity_id, mode, created_at, paused_reason,
    paused_at)
SELECT id, user_id, kind, entity_id, mode, created_at, paused_reason, paused_at FROM follows;

-- not_before: a spoiler-shielded post waits until then (NULL: none); spoiler: 1 when it
-- goes out in spoiler form (headline inside ||…||, no preview, no summary).
CREATE TABLE outbox_011 (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    target          TEXT NOT NULL,
    guild_id        INTEGER,
    subscription_id INTEGER REFERENCES subscriptions_011(id) ON DELETE CASCADE,
    follow_id       INTEGER REFERENCES follows_011(id) ON DELETE CASCADE,
    role_id         INTEGER,
    digest          INTEGER NOT NULL DEFAULT 0,
    also_on         TEXT,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
    nonce           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    last_error      TEXT,
    message_id      INTEGER,
    created_at      REAL NOT NULL,
    sent_at         REAL,
    attempted_at    REAL,
    claimed_by      TEXT,
    claimed_until   REAL,
    not_before      REAL,
    spoiler         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, target)
);
INSERT INTO outbox_011 (id, article_id, target, guild_id, subscription_id, follow_id, role_id,
    digest, also_on, state, nonce, attempts, next_attempt_at, last_error, message_id,
    created_at, sent_at, attempted_at, claimed_by, claimed_until)
SELECT id, article_id, target, guild_id, subscription_id, follow_id, role_id, digest, also_on,
    state, nonce, attempts, next_attempt_at, last_error, message_id, created_at, sent_at,
    attempted_at, claimed_by, claimed_until
FROM outbox;

DROP TABLE outbox;
DROP TABLE subscriptions;
DROP TABLE follows;
ALTER TABLE subscriptions_011 RENAME TO subscriptions;
ALTER TABLE follows_011 RENAME TO follows;
ALTER TABLE outbox_011 RENAME TO outbox;

CREATE UNIQUE INDEX subscriptions_unique
    ON subscriptions (guild_id, channel_id, kind, COALESCE(entity_id, ''));
CREATE INDEX subscriptions_by_entity ON subscriptions (entity_id);
CREATE UNIQUE INDEX follows_unique ON follows (user_id, kind, COALESCE(entity_id, ''));
CREATE INDEX follows_by_entity ON follows (entity_id);
CREATE INDEX outbox_due ON outbox (state, digest, next_attempt_at);
CREATE INDEX outbox_by_target ON outbox (target, state);

-- The spoiler shield of a channel (moderators, /spoilers): hold shielded stories until
-- hold_hours after the stage's expected finish, or post them in spoiler form. No row: off.
CREATE TABLE spoiler_shields (
    channel_id INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    mode       TEXT NOT NULL CHECK (mode IN ('hold', 'spoiler')),
    hold_hours INTEGER NOT NULL DEFAULT 3 CHECK (hold_hours BETWEEN 0 AND 72),
    updated_by INTEGER,
    updated_at REAL NOT NULL
);
CREATE INDEX spoiler_shields_by_guild ON spoiler_shields (guild_id);

-- A fan's own shield for their DMs (/follow-settings); their time zone is fan_settings'.
ALTER TABLE fan_settings ADD COLUMN shield_mode TEXT NOT NULL DEFAULT 'off'
    CHECK (shield_mode IN ('off', 'hold', 'spoiler'));
ALTER TABLE fan_settings ADD COLUMN shield_hours INTEGER NOT NULL DEFAULT 3
    CHECK (shield_hours BETWEEN 0 AND 72);
