-- Race calendar files imported with `domestique races import`, applied in order on top of
-- the bundled calendar (feeds/races/data/*.toml): a race or an edition with the same id
-- replaces the earlier one. Kept whole, as the operator wrote them, for `races export`.
CREATE TABLE race_imports (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    content     TEXT NOT NULL,
    imported_at REAL NOT NULL
);
