-- Race-day threads (/race-threads, bot/discord/race_threads.py): the channels that asked
-- for them, and the thread (a forum: the post) opened in each for a race's day.
CREATE TABLE race_thread_channels (
    channel_id INTEGER NOT NULL PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    enabled_by INTEGER,
    enabled_at REAL NOT NULL
);
CREATE INDEX race_thread_channels_guild ON race_thread_channels (guild_id);

-- One thread per channel, race and day (UTC, ISO date); the day's later stories for that
-- race go into it. Archived once the day is over (`archived_at` set when Discord agreed).
CREATE TABLE race_threads (
    channel_id  INTEGER NOT NULL,
    race_id     TEXT NOT NULL,
    day         TEXT NOT NULL,
    thread_id   INTEGER NOT NULL,
    guild_id    INTEGER,
    name        TEXT NOT NULL,
    created_at  REAL NOT NULL,
    archived_at REAL,
    PRIMARY KEY (channel_id, race_id, day)
) WITHOUT ROWID;
CREATE INDEX race_threads_open ON race_threads (day) WHERE archived_at IS NULL;
