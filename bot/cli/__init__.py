"""The `domestique` command line: run, poll, feeds, db, health, roster, tag, eval, sync."""
