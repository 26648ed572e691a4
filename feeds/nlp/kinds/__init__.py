"""The story-kind vocabulary: one data file per language, loaded and checked once.

`feeds/nlp/kinds/<code>.toml` holds one language's words for each story kind (the
corpus's seven kinds less `other`'s catch-all: see `KIND_CONCEPTS`) and the words the race
tagger reads stages and women's stories by (`STAGE_CONCEPTS`), plus an `[ordinals]` table
("fifth" = 5). A language is added by adding its file; nothing here lists languages.

A word is a phrase of one or more words, matched whole on the folded text (case and
accents aside); a final `*` makes its last word a prefix ("crash*" is "crashed",
"crashes"), a leading `*` its first word the end of a compound ("*zege" is "etappezege",
"recordzege" and "zege"). A file is refused as a whole, with
`<file>: <concept>[<index>]: <reason>`, when it names an unknown concept, gives a concept
anything but a list of strings, or has a word that is empty, folds to nothing, repeats,
or has `*` anywhere but at either end; an ordinal must be a whole number 0-40.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from feeds.datafile import DataFileError
from feeds.text.fold import fold_tokens

KIND_CONCEPTS: tuple[str, ...] = ("result", "preview", "lineup", "crash", "transfer", "team")
"""Words that say a story is of that kind; `other` is what is left (plus `other` words)."""
STAGE_CONCEPTS: tuple[str, ...] = (
    "stage",
    "prologue",
    "overall",
    "women",
    "other",
    "today",
    "past",
    "anew",
    "last_stage",
    "ahead",
    "retire",
    "starts",
    "next_year",
)
"""stage: the noun a stage number stands beside; prologue: stage 0; overall: the story is
about the general classification or the whole race, not one stage; women: the story is
about women's racing; other: a story about something else (doping, gear, governance);
today: the lead tells the publication day's racing ("today", "this afternoon"); past: the
lead recalls a year or more back ("last year", "a year ago"); anew: the lead tells of
something happening again or just now ("again", "yesterday"), news after a look back;
last_stage: the race's final stage, named without its number ("the final stage",
"sisteetappen", "zadnji etapi"); ahead: the stages still to run ("the stages ahead"), a
preview's words only opening a sentence under a headline reporting no race
(feeds/races/kind.py); retire: a career's end ("retires", "karrierestopp"), also a
transfer word, which keeps a retirement thanking its sponsors out of team news; starts:
a race's start verbs ("comenzará", "kicks off"), a preview's words only with a race named
just before them (feeds/races/mentions.py), since a rider starts his season with them;
next_year: the year or season after the story's ("next year", "l'an prochain"): a line-up
told just after a race is of its next edition (feeds/races/focus.py)."""
CONCEPTS: tuple[str, ...] = (*KIND_CONCEPTS, *STAGE_CONCEPTS)
ORDINALS = "ordinals"
MAX_ORDINAL = 40
MIN_COMPOUND_END = 4


class KindLexiconError(DataFileError):
    """A kind lexicon file that cannot be used."""


@dataclass(frozen=True, slots=True)
class Word:
    """One lexicon entry, folded: its words, whether the last is a prefix and whether the
    first is a compound's end."""

    words: tuple[str, ...]
    prefix: bool
    suffix: bool = False

    @property
    def key(self) -> str:
        """The automaton key over folded text (feeds/text/fold.py): whole words, the last
        one open-ended for a prefix, the first open-started for a compound's end."""
        body = ("" if self.suffix else " ") + "  ".join(self.words)
        return body if self.prefix else body + " "


@dataclass(frozen=True, slots=True)
class KindLexicon:
    language: str
    words: Mapping[str, tuple[Word, ...]]
    """Concept -> its words (every concept present, possibly empty)."""
    ordinals: Mapping[str, int]
    """Folded ordinal word -> number ("fifth" -> 5)."""


def parse_kind_lexicon(text: str, source: str, language: str) -> KindLexicon:
    """One language's file, checked whole."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KindLexiconError(source, None, f"not valid TOML: {exc}") from None
    words: dict[str, tuple[Word, ...]] = {}
    ordinals: dict[str, int] = {}
    for concept, value in data.items():
        if concept == ORDINALS:
            ordinals = _ordinals(value, source)
        elif concept in CONCEPTS:
            words[concept] = _words(value, source, concept)
        else:
            known = ", ".join((*CONCEPTS, ORDINALS))
            raise KindLexiconError(source, None, f"unknown concept {concept!r} (known: {known})")
    for concept in CONCEPTS:
        words.setdefault(concept, ())
    return KindLexicon(language, MappingProxyType(words), MappingProxyType(ordinals))


def _words(value: Any, source: str, concept: str) -> tuple[Word, ...]:
    if not isinstance(value, list):
        raise KindLexiconError(source, None, f"{concept}: must be a list of strings")
    out: list[Word] = []
    seen: set[Word] = set()
    for i, item in enumerate(value):
        where = f"{concept}[{i}]"
        if not isinstance(item, str):
            raise KindLexiconError(source, None, f"{where}: must be a string")
        if not item.strip():
            raise KindLexiconError(source, None, f"{where}: is empty")
        prefix = item.endswith("*")
        suffix = item.startswith("*") and len(item) > 1
        body = item[1 if suffix else 0 : -1 if prefix else None]
        if "*" in body:
            raise KindLexiconError(source, None, f"{where}: {item!r}: '*' only at either end")
        folded = tuple(fold_tokens(body))
        if not folded:
            raise KindLexiconError(source, None, f"{where}: {item!r} folds to nothing")
        if suffix and len(folded[0]) < MIN_COMPOUND_END:
            # A short end ("*er") is inside too many unrelated words.
            raise KindLexiconError(
                source,
                None,
                f"{where}: {item!r}: a compound's end needs {MIN_COMPOUND_END}+ letters",
            )
        word = Word(folded, prefix, suffix)
        if word in seen:
            raise KindLexiconError(source, None, f"{where}: {item!r} is given twice")
        seen.add(word)
        out.append(word)
    return tuple(out)


def _ordinals(value: Any, source: str) -> dict[str, int]:
    if not isinstance(value, dict):
        raise KindLexiconError(source, None, f"{ORDINALS}: must be a table of word = number")
    out: dict[str, int] = {}
    for word, number in value.items():
        folded = " ".join(fold_tokens(word))
        if not folded or " " in folded:
            raise KindLexiconError(source, None, f"{ORDINALS}.{word}: must be one word")
        if isinstance(number, bool) or not isinstance(number, int):
            raise KindLexiconError(source, None, f"{ORDINALS}.{word}: must be a whole number")
        if not 0 <= number <= MAX_ORDINAL:
            raise KindLexiconError(source, None, f"{ORDINALS}.{word}: {number} is not 0-40")
        out[folded] = number
    return out


def _language_of(name: str, source: str) -> str:
    stem = name.removesuffix(".toml")
    if not (2 <= len(stem) <= 3 and stem.isalpha() and stem.islower()):
        raise KindLexiconError(source, None, "a kind lexicon is named <language code>.toml")
    return stem


def load_kind_lexicons(files: Iterable[Traversable | Path]) -> dict[str, KindLexicon]:
    """Every file given, by language code; refuses a folder with no words at all."""
    out: dict[str, KindLexicon] = {}
    for item in files:
        source = f"feeds/nlp/kinds/{item.name}" if isinstance(item, Traversable) else str(item)
        language = _language_of(item.name, source)
        out[language] = parse_kind_lexicon(item.read_text(encoding="utf-8"), source, language)
    if not any(words for lex in out.values() for words in lex.words.values()):
        raise KindLexiconError("feeds/nlp/kinds", None, "no kind lexicon gives any word")
    return out


def bundled_files() -> list[Traversable]:
    folder = resources.files("feeds.nlp.kinds")
    return sorted(
        (item for item in folder.iterdir() if item.name.endswith(".toml")),
        key=lambda item: item.name,
    )


@cache
def bundled_kind_lexicons() -> Mapping[str, KindLexicon]:
    """The bundled files, read once per process (they never change while it runs)."""
    return MappingProxyType(load_kind_lexicons(bundled_files()))
