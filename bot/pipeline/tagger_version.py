"""The version of the installed tagger, part of the tag cache's key (bot/pipeline/ingest.py):
a new lexicon, cue list, rule or roster data file re-tags stored stories when their feed
next changes, as a roster change does."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

TAGGER_PACKAGES = ("feeds.text", "feeds.roster", "feeds.nlp", "feeds.races")
"""Whose files decide tags besides the roster's content: text folding (feeds/text), the
roster's parsing and name forms (feeds/roster), the tagger's rules, cue lists and lexicons
(feeds/nlp), and the race tagger with its calendar and race names (feeds/races)."""
TAGGER_MODULES = ("tagger.py",)
"""Modules of feeds/ itself that decide tags: the Tagger composing the steps above."""


@cache
def bundled_tagger_version() -> str:
    """The version of the installed tagger: its packages' and modules' files, hashed once
    a process."""
    packages = [resources.files(package) for package in TAGGER_PACKAGES]
    modules = [resources.files("feeds") / name for name in TAGGER_MODULES]
    return files_fingerprint([*packages, *modules])


def files_fingerprint(roots: Iterable[Traversable]) -> str:
    """A hash of every file's path and bytes under the roots, folders or single files
    (compiled caches left out): any edit to a rule, a lexicon or a data file gives another
    value (under 1 MB: about 5 ms, once)."""
    digest = hashlib.sha256()
    for i, root in enumerate(roots):
        files = [(root.name, root)] if root.is_file() else _files(root, "")
        for name, item in sorted(files):
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
