"""One settings object, read once at start from the environment and an optional `.env` file."""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from feeds.ingest.urls import UrlRefused, check_url, is_host_name, shown, without_credentials

DEFAULT_FEEDS: tuple[str, ...] = (
    "https://www.cyclingnews.com/feeds.xml",
    "https://www.cyclingweekly.com/feeds.xml",
    "https://velo.outsideonline.com/feed/",
    "https://escapecollective.com/feed/",
    "https://road.cc/rss",
    "https://inrng.com/feed/",
    "https://www.wielerflits.nl/feed/",
    "https://sporza.be/nl/categorie/wielrennen.rss.xml",
    "https://www.radsport-news.com/rss.xml",
)
DISCORD_API_URL = "https://discord.com/api/v10"
DISCORD_GATEWAY_URL = "wss://gateway.discord.gg/"
AUTO_SHARDS = "auto"
MAX_SHARDS = 10_000
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(ValueError):
    """A setting with a value Domestique cannot use; the message names it and what it accepts."""


@dataclass(frozen=True)
class Settings:
    discord_token: str | None = field(default=None, repr=False)
    database: Path | str = Path("data/domestique.sqlite3")
    """A SQLite file, or a PostgreSQL server's URL (`postgresql://...`, a str)."""
    poll_minutes: float = 10.0
    feeds: tuple[str, ...] = DEFAULT_FEEDS
    discord_api_url: str = DISCORD_API_URL
    discord_gateway_url: str = DISCORD_GATEWAY_URL
    allow_private_hosts: tuple[str, ...] = ()
    log_level: str = "INFO"
    sync_commands: bool = False
    fetch_concurrency: int = 20
    fetch_timeout: float = 20.0
    max_story_age_hours: float = 48.0
    max_follows: int = 50
    max_guild_feeds: int = 50
    shard_count: int | str | None = None
    """Gateway shards in all: None, one connection without sharding (a bot in fewer than
    2,500 servers); AUTO_SHARDS, the count Discord recommends; a number, that many."""
    shard_ids: tuple[int, ...] | None = None
    """The shards this process connects (within 0..shard_count-1); None: every one."""

    def __post_init__(self) -> None:
        check_shards(self.shard_count, self.shard_ids)

    def __repr__(self) -> str:  # the token never reaches logs through a repr
        token = "set" if self.discord_token else "unset"
        return f"Settings(database={self.database_shown!r}, discord_token={token}, ...)"

    @property
    def database_shown(self) -> str:
        """The database as it may be printed: a PostgreSQL URL's password masked."""
        if isinstance(self.database, str):
            return without_credentials(self.database, "***@")
        return str(self.database)

    @property
    def discord_enabled(self) -> bool:
        return bool(self.discord_token)


_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_SQLITE_URL = "sqlite:///"


def _path(name: str, raw: str) -> Path | str:
    """The SQLite file: a path, or `sqlite:///path` as SQLAlchemy writes it (three slashes
    and a relative path, four for an absolute one; `sqlite:///:memory:` keeps nothing);
    or a PostgreSQL server: `postgresql://user:password@host:port/dbname` (`postgres://`
    too; SQLAlchemy's `postgresql+driver://` is read as `postgresql://`), kept a str.

    Any other URL is refused: read as a path, it made a folder named after the scheme
    with a fresh SQLite file in it, which looked like a working setup. Messages name the
    scheme only, as the rest may hold a password."""
    value = raw.strip()
    scheme = _URL_SCHEME.match(value)
    if scheme is None:
        return Path(value).expanduser()
    kind = scheme.group(1).lower()
    if kind.split("+")[0] in ("postgres", "postgresql"):
        return _postgres_url(name, "postgresql" + value[scheme.end(1) :])
    if kind != "sqlite":
        raise SettingsError(
            f"{name} must be a file path, a sqlite:///path URL or a postgresql:// URL; "
            f"{kind}:// is not supported"
        )
    if value == "sqlite://":
        return Path(":memory:")  # SQLAlchemy's spelling of an in-memory database
    rest = value[len(_SQLITE_URL) :] if value[: len(_SQLITE_URL)].lower() == _SQLITE_URL else ""
    if not rest:
        raise SettingsError(
            f"{name}: a sqlite URL has no host and needs a path: sqlite:///relative/path "
            "or sqlite:////absolute/path"
        )
    if "?" in rest:
        raise SettingsError(f"{name}: sqlite URL options (after '?') are not supported")
    return Path(rest)


def _postgres_url(name: str, url: str) -> str:
    """A PostgreSQL URL with a host or a socket folder; its options are the server's to
    judge (sslmode and the like), its password never repeated."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        raise SettingsError(
            f"{name}: not a valid postgresql:// URL (check the host and port)"
        ) from None
    if not parts.hostname and "host=" not in parts.query:
        raise SettingsError(
            f"{name}: a postgresql:// URL needs a host: postgresql://user:password@host:5432/db"
        )
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise SettingsError(f"{name}: a postgresql:// URL cannot hold spaces or control characters")
    return url


def _token(name: str, raw: str) -> str | None:
    value = raw.strip()
    if not value:
        return None
    if any(c.isspace() for c in value) or len(value) < 20:
        raise SettingsError(f"{name} does not look like a Discord bot token (no spaces, 50+ chars)")
    return value


def _bounded(
    convert: Callable[[str], float], noun: str, low: float, high: float, unit: str = ""
) -> Callable[[str, str], Any]:
    """A parser for `noun` (converted by `convert`) between `low` and `high`."""
    suffix = f" {unit}" if unit else ""

    def parse(name: str, raw: str) -> Any:
        try:
            value = convert(raw)
        except ValueError:
            raise SettingsError(f"{name} must be {noun}, got {raw!r}") from None
        if not low <= value <= high:
            raise SettingsError(f"{name} must be between {low:g} and {high:g}{suffix}, got {raw!r}")
        return value

    return parse


def _amount(unit: str, low: float, high: float) -> Callable[[str, str], float]:
    return _bounded(float, f"a number of {unit}", low, high, unit)


def _whole(low: int, high: int) -> Callable[[str, str], int]:
    return _bounded(int, "a whole number", low, high)


def _http_url(name: str, raw: str, schemes: tuple[str, ...] = ("http", "https")) -> str:
    try:
        return check_url(raw, schemes)
    except UrlRefused as exc:
        # `shown` masks a password: this message goes to the terminal and the logs.
        raise SettingsError(f"{name}: {shown(raw.strip())} {exc}") from None


def check_feed_url(raw: str) -> str:
    """A feed URL a person typed (feeds/ingest/urls.py), else SettingsError saying why."""
    return _http_url("the feed URL", raw)


def _gateway_url(name: str, raw: str) -> str:
    return _http_url(name, raw, ("ws", "wss"))


def _feeds(name: str, raw: str) -> tuple[str, ...]:
    urls = tuple(u.strip() for u in raw.split(",") if u.strip())
    if not urls:
        raise SettingsError(f"{name} must be a comma-separated list of http(s) feed URLs")
    return tuple(dict.fromkeys(_http_url(name, u) for u in urls))


def _host(item: str) -> bool:
    """A host name, an IP address or a CIDR (`[::1]` written as in a URL is fine)."""
    try:
        ipaddress.ip_network(item.strip("[]"), strict=False)
    except ValueError:
        return is_host_name(item)
    return True


def _hosts(name: str, raw: str) -> tuple[str, ...]:
    hosts = []
    for item in (h.strip().lower() for h in raw.split(",")):
        if not item:
            continue
        if not _host(item):
            raise SettingsError(
                f"{name} takes host names, IP addresses or CIDRs separated by commas; "
                f"{item!r} is none of these"
            )
        hosts.append(item.strip("[]"))
    return tuple(hosts)


def _log_level(name: str, raw: str) -> str:
    value = raw.strip().upper()
    if value not in LOG_LEVELS:
        raise SettingsError(f"{name} must be one of {', '.join(LOG_LEVELS)}, got {raw!r}")
    return value


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("", "0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name} must be 1 or 0 (true/false), got {raw!r}")


def _shard_count(name: str, raw: str) -> int | str:
    if raw.strip().lower() == AUTO_SHARDS:
        return AUTO_SHARDS
    return _whole(1, MAX_SHARDS)(name, raw)


def _shard_ids(name: str, raw: str) -> tuple[int, ...]:
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items or not all(re.fullmatch(r"[0-9]+", item) for item in items):
        raise SettingsError(
            f"{name} must be shard numbers separated by commas (e.g. 0,1), got {raw!r}"
        )
    ids = tuple(int(item) for item in items)
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise SettingsError(f"{name} names shard {repeated[0]} more than once")
    return ids


def check_shards(count: int | str | None, ids: tuple[int, ...] | None) -> None:
    """Shard ids only with a number of shards, each below it (Discord numbers from 0)."""
    if ids is None:
        return
    if count is None or count == AUTO_SHARDS:
        raise SettingsError(
            "DOMESTIQUE_SHARD_IDS needs DOMESTIQUE_SHARD_COUNT set to the number of shards "
            "in all (every process of the bot uses the same count)"
        )
    outside = [i for i in ids if not 0 <= i < int(count)]
    if outside:
        raise SettingsError(
            f"DOMESTIQUE_SHARD_IDS: shard {outside[0]} does not exist with "
            f"DOMESTIQUE_SHARD_COUNT={count} (shards are numbered 0 to {int(count) - 1})"
        )


# variable -> (field, parser)
VARIABLES: dict[str, tuple[str, Callable[[str, str], Any]]] = {
    "DISCORD_TOKEN": ("discord_token", _token),
    "DOMESTIQUE_DATABASE": ("database", _path),
    "DOMESTIQUE_POLL_MINUTES": ("poll_minutes", _amount("minutes", 1, 1440)),
    "DOMESTIQUE_FEEDS": ("feeds", _feeds),
    "DOMESTIQUE_DISCORD_API_URL": ("discord_api_url", _http_url),
    "DOMESTIQUE_DISCORD_GATEWAY_URL": ("discord_gateway_url", _gateway_url),
    "DOMESTIQUE_ALLOW_PRIVATE_HOSTS": ("allow_private_hosts", _hosts),
    "DOMESTIQUE_LOG_LEVEL": ("log_level", _log_level),
    "DOMESTIQUE_SYNC_COMMANDS": ("sync_commands", _flag),
    "DOMESTIQUE_FETCH_CONCURRENCY": ("fetch_concurrency", _whole(1, 200)),
    "DOMESTIQUE_FETCH_TIMEOUT": ("fetch_timeout", _amount("seconds", 1, 300)),
    "DOMESTIQUE_MAX_STORY_AGE_HOURS": ("max_story_age_hours", _amount("hours", 1, 24 * 30)),
    "DOMESTIQUE_MAX_FOLLOWS": ("max_follows", _whole(1, 1000)),
    "DOMESTIQUE_MAX_GUILD_FEEDS": ("max_guild_feeds", _whole(1, 500)),
    "DOMESTIQUE_SHARD_COUNT": ("shard_count", _shard_count),
    "DOMESTIQUE_SHARD_IDS": ("shard_ids", _shard_ids),
}


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; `#` comments, optional `export `, optional matching quotes."""
    values: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return values
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read {path}: {exc}") from None
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        line = line.removeprefix("export ").strip()
        key, sep, value = line.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key.strip()):
            raise SettingsError(f"{path}:{number}: expected KEY=VALUE")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def load_settings(
    environ: Mapping[str, str] | None = None, dotenv: Path | None = Path(".env")
) -> Settings:
    """Settings from `.env` (if present) overlaid by the real environment."""
    merged: dict[str, str] = dict(read_dotenv(dotenv)) if dotenv else {}
    merged.update(os.environ if environ is None else environ)
    values: dict[str, Any] = {}
    for variable, (attr, parse) in VARIABLES.items():
        raw = merged.get(variable)
        if raw is None or (raw.strip() == "" and variable != "DISCORD_TOKEN"):
            continue
        values[attr] = parse(variable, raw)
    return Settings(**values)
