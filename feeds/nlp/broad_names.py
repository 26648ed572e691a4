"""Names too broad to tag stories by: common words, races, places, cycling terms.

A server's moderators may give a rider or team more names. One that is a common word
("the", "de"), a race ("Tour de France"), a place ("Paris") or a cycling term ("yellow
jersey") would tag most stories with that rider: it is refused with the reason. The
word lists are data (`broad_names.toml`), read with the tagger's own cue lists (cues/):
what a name is too broad for is the tagger's matching, so the check lives beside it.
How often a name occurs in the stories actually stored is checked by the caller
(storage.lookups.Lookups.recent_matches), which needs the database.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from feeds.nlp import cues
from feeds.text.fold import fold_tokens

MIN_LETTERS = 3
DATA_FILE = "broad_names.toml"


@dataclass(frozen=True, slots=True)
class BroadNames:
    stop_words: dict[str, tuple[str, ...]]
    """Folded word -> the languages (or "calendar") whose lists have it."""
    races: frozenset[str]
    places: frozenset[str]
    terms: frozenset[str]
    """Cycling vocabulary the tagger uses as context (it occurs in most stories)."""
    nationalities: frozenset[str]


def _key(name: str) -> str:
    return " ".join(fold_tokens(name))


@cache
def broad_names() -> BroadNames:
    """The lists, read once (the data file, then feeds/nlp/cues/)."""
    text = (resources.files("feeds.nlp") / DATA_FILE).read_text(encoding="utf-8")
    data = tomllib.loads(text)
    stop_words: dict[str, tuple[str, ...]] = {}
    lists = [*data["stop_words"].items(), ("name particles", " ".join(cues.PARTICLES))]
    for language, words in lists:
        for word in dict.fromkeys(fold_tokens(words)):
            stop_words[word] = (*stop_words.get(word, ()), language)
    terms = {_key(t) for t in (*cues.CYCLING_STRONG, *cues.CYCLING_WEAK, *cues.RACE_WORDS)}
    nationalities = {
        _key(form)
        for entry in cues.NATIONALITIES.values()
        for forms in entry.values()
        for form in forms
    }
    return BroadNames(
        stop_words=stop_words,
        races=frozenset(_key(n) for n in data["races"]["names"]),
        places=frozenset(_key(n) for n in (*data["places"]["names"], *cues.PLACE_TEAM_WORDS)),
        terms=frozenset(terms - {""}),
        nationalities=frozenset(nationalities - {""}),
    )


def too_broad(name: str) -> str | None:
    """Why `name` is too broad to tag stories by (None: it is not), as a sentence end:
    "is a common word (en)", "is a race"…"""
    if sum(char.isalpha() for char in name) < MIN_LETTERS:
        return f"has fewer than {MIN_LETTERS} letters"
    words = fold_tokens(name)
    if not words:
        return "has no letters or digits to match"
    lists = broad_names()
    key = " ".join(words)
    if all(word in lists.stop_words for word in words):
        languages = sorted({lang for word in words for lang in lists.stop_words[word]})
        what = "a common word" if len(words) == 1 else "made of common words only"
        return f"is {what} ({', '.join(languages)})"
    if key in lists.races:
        return "is the name of a race"
    if key in lists.places:
        return "is the name of a place"
    if key in lists.nationalities:
        return "is a nationality"
    if key in lists.terms:
        return "is a cycling term most stories use"
    return None
