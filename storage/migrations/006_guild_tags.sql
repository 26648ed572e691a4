-- Riders, teams and aliases a server's moderators add are that server's own: they tag
-- only the stories of the feeds that server reads, in guild_tags (keyed like tags, so
-- "latest N stories for X in this server" is one range scan), and never the roster
-- every server shares. The operator can promote one to everyone (promoted_at).
-- Names added before this migration are left unpromoted: the shared roster is rebuilt
-- without them at the next start, and each stays with the server that added it.

CREATE TABLE guild_tags (
    guild_id   INTEGER NOT NULL,
    entity_id  TEXT NOT NULL,                -- "person:<id>" or "team:<id>", as in tags
    sort_at    REAL NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (guild_id, entity_id, sort_at, article_id)
) WITHOUT ROWID;
CREATE INDEX guild_tags_by_article ON guild_tags (article_id);

ALTER TABLE custom_entities ADD COLUMN promoted_at REAL;
ALTER TABLE guild_aliases ADD COLUMN promoted_at REAL;
