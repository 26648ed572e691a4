"""What a database setting names: a SQLite file (a path) or a PostgreSQL server (a URL).

Kept free of any driver import: the settings and `domestique --help` read it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

POSTGRES_SCHEMES = ("postgresql", "postgres")


def is_postgres(target: str | Path | object) -> bool:
    """Whether `target` names a PostgreSQL server (`postgresql://...`) rather than a file."""
    if not isinstance(target, str) or "://" not in target:
        return False
    return target.partition("://")[0].lower() in POSTGRES_SCHEMES


def shown(target: str | Path | object) -> str:
    """The database as it may be printed or logged: a URL's password masked."""
    text = str(target)
    if not is_postgres(text):
        return text
    try:
        parts = urlsplit(text)
        if parts.password is None:
            return text
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
    except ValueError:
        return f"{text.partition('://')[0]}://***"
