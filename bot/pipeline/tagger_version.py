"""The version of the installed tagger, part of the tag cache's key (bot/pipeline/ingest.py):
a new lexicon, cue list, rule or roster data file re-tags stored stories when their feed
next changes, as a roster change does."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

TAGGER_PACKAGES = ("feeds.nlp", "feeds.roster", "feeds.races")
"""Whose files decide tags besides the roster's content: the tagger's rules, cue lists and
lexicons (feeds/nlp), the roster's parsing and broad-name data (feeds/roster), and the
race tagger with its calendar and race names (feeds/races)."""


@cache
def bundled_tagger_version() -> str:
    """The version of the installed tagger: its packages' files, hashed once a process."""
    return files_fingerprint(resources.files(package) for package in TAGGER_PACKAGES)


def files_fingerprint(roots: Iterable[Traversable]) -> str:
    """A hash of every file's path and bytes under the roots (compiled caches left out):
    any edit to a rule, a lexicon or a data file gives another value (under 1 MB:
    about 5 ms, once)."""
    digest = hashlib.sha256()
    for i, root in enumerate(roots):
        for name, item in sorted(_files(root, "")):
            digest.update(f"{i}:{name}\x00".encode())
            digest.update(item.read_bytes())
            digest.update(b"\x00")
    return digest.hexdigest()


def _files(folder: Traversable, prefix: str) -> Iterable[tuple[str, Traversable]]:
    for item in folder.iterdir():
        if item.name == "__pycache__" or item.name.endswith((".pyc", ".pyo")):
            continue
        name = f"{prefix}{item.name}"
        if item.is_dir():
            yield from _files(item, name + "/")
        else:
            yield name, item
