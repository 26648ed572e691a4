"""Parsed rosters kept on disk, keyed by the text they were parsed from (the conversion
to and from plain tuples is `feeds.roster.encode_roster` and `decode_roster`).

TOML parsing is most of a roster's load: the bundled roster (16 files) took 0.25-0.5 s
and a 7,000-rider import 0.5 s, of which `tomllib` alone 0.4 s, at every start of the
bot and of every command that builds it. A roster parsed once is kept as plain tuples
(`marshal`: data only, nothing in it is ever run) under the cache folder; the same text
later is read back in a few tens of milliseconds.

The key is a hash of the text with the parser's own source (feeds/roster/*.py): an edit
to a file, or to the code that reads it, parses again. Only rosters that parsed without
error are kept (a refused file is read, and refused, every time). The folder is
`$DOMESTIQUE_CACHE_DIR` (empty: no cache), else `$XDG_CACHE_HOME/domestique`, else
`~/.cache/domestique`; one that cannot be written to is simply not used, and an entry
that cannot be read is parsed again.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

CACHE_ENV = "DOMESTIQUE_CACHE_DIR"
FORMAT = b"roster-cache-1"
T = TypeVar("T")


def cache_folder() -> Path | None:
    """Where parsed rosters are kept (None: nowhere)."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) / "roster" if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "domestique" / "roster"


@cache
def _parser_version() -> bytes:
    """The roster code's own source: a change to how files are read reads them again."""
    digest = hashlib.sha256(FORMAT)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.digest()


def text_key(*texts: str) -> str:
    digest = hashlib.sha256(_parser_version())
    for text in texts:
        digest.update(len(text).to_bytes(8, "big"))
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def load(key: str, decode: Callable[[object], T]) -> T | None:
    """What is kept under `key`, through `decode` (ValueError or TypeError: not what it
    should be), or None (no cache, no entry, or an unreadable one)."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        data = (folder / f"{key}.marshal").read_bytes()
    except OSError:
        return None
    try:
        return decode(marshal.loads(data))
    except (ValueError, TypeError, EOFError, IndexError, KeyError) as exc:
        log.warning("roster cache entry %s unreadable (%s): parsing again", key[:12], exc)
        return None


def keep(key: str, data: object) -> None:
    """Write `data` (plain tuples, strings and numbers) under `key`, atomically; a folder
    that cannot be written is skipped."""
    folder = cache_folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps(data))
            os.replace(temporary, folder / f"{key}.marshal")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.debug("roster cache not written to %s: %s", folder, exc)
