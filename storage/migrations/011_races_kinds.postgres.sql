-- PostgreSQL form of 011_races_kinds.sql (storage/pg_schema.py): PostgreSQL changes a
-- CHECK in place, so subscriptions, follows and the outbox are altered, not rebuilt.

ALTER TABLE articles ADD COLUMN kind TEXT;
ALTER TABLE articles ADD COLUMN focus_race TEXT;
ALTER TABLE articles ADD COLUMN focus_year BIGINT;
ALTER TABLE articles ADD COLUMN focus_stage BIGINT;
CREATE INDEX articles_by_kind ON articles (kind, sort_at);

CREATE TABLE article_races (
    race_id    TEXT NOT NULL,
    sort_at    DOUBLE PRECISION NOT NULL,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (race_id, sort_at, article_id)
);
CREATE INDEX article_races_by_article ON article_races (article_id);

ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_kind_check;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_kind_check
    CHECK (kind IN ('rider', 'team', 'transfers', 'tracked', 'all', 'race'));
ALTER TABLE subscriptions ADD COLUMN kinds BIGINT NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN ping_kinds BIGINT NOT NULL DEFAULT 0;

ALTER TABLE follows DROP CONSTRAINT follows_kind_check;
ALTER TABLE follows ADD CONSTRAINT follows_kind_check
    CHECK (kind IN ('rider', 'team', 'transfers', 'race'));
ALTER TABLE follows ADD COLUMN kinds BIGINT NOT NULL DEFAULT 0;

ALTER TABLE outbox ADD COLUMN not_before DOUBLE PRECISION;
ALTER TABLE outbox ADD COLUMN spoiler BIGINT NOT NULL DEFAULT 0;

CREATE TABLE spoiler_shields (
    channel_id BIGINT PRIMARY KEY,
    guild_id   BIGINT NOT NULL,
    mode       TEXT NOT NULL CHECK (mode IN ('hold', 'spoiler')),
    hold_hours BIGINT NOT NULL DEFAULT 3 CHECK (hold_hours BETWEEN 0 AND 72),
    updated_by BIGINT,
    updated_at DOUBLE PRECISION NOT NULL
);
CREATE INDEX spoiler_shields_by_guild ON spoiler_shields (guild_id);

ALTER TABLE fan_settings ADD COLUMN shield_mode TEXT NOT NULL DEFAULT 'off'
    CHECK (shield_mode IN ('off', 'hold', 'spoiler'));
ALTER TABLE fan_settings ADD COLUMN shield_hours BIGINT NOT NULL DEFAULT 3
    CHECK (shield_hours BETWEEN 0 AND 72);
