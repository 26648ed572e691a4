"""Siblings named together by their surname: "the Van Dijke twins", "die
Van-Dijke-Zwillinge", "les frères Oliveira", "os gémeos Oliveira". The plural word for
siblings beside a surname names every rider of it, when the roster has exactly two
(a pair of brothers or sisters); a surname many riders share names nobody. As no two
mentions cover the same characters, one sibling is read on the surname and the other on
the plural word."""

from __future__ import annotations

import re

from feeds.nlp.fold import fold_tokens
from feeds.nlp.matcher import Substrings
from feeds.nlp.tag.state import ResolverState

# Plural words for siblings, each language of the feeds: en, nl, de, fr, it, es, pt,
# da/no. Matched case aside, whole words or after a hyphen ("Van-Dijke-Zwillinge").
SIBLINGS_PLURAL = (
    "twins",
    "brothers",
    "sisters",
    "tweeling",
    "broers",
    "gebroeders",
    "zussen",
    "zwillinge",
    "brüder",
    "schwestern",
    "jumeaux",
    "jumelles",
    "frères",
    "sœurs",
    "gemelli",
    "gemelle",
    "fratelli",
    "sorelle",
    "gemelos",
    "gemelas",
    "hermanos",
    "hermanas",
    "gémeos",
    "gêmeos",
    "gémeas",
    "irmãos",
    "irmãs",
    "tvillinger",
    "tvillingerne",
    "tvillingene",
    "brødre",
    "brødrene",
    "søstre",
)
# A substring test first: the alternation, tried at every character, costs far more.
_ANY_PLURAL = Substrings(SIBLINGS_PLURAL)
_PLURAL = re.compile(r"(?i:(?<![^\W_])(?:" + "|".join(SIBLINGS_PLURAL) + r")(?![^\W_]))")
# A surname of up to three words ("Van der Poel"), capitalised, right before the plural
# word (a space or a hyphen between) or right after it.
_BEFORE = re.compile(r"((?:[A-ZÀ-ÖØ-Þ][^\W\d_]*[ -]){1,3})$")
_AFTER = re.compile(r"^ ((?:[A-ZÀ-ÖØ-Þ][^\W\d_]*)(?: (?:[a-z]{1,3} )*[A-ZÀ-ÖØ-Þ][^\W\d_]*)?)")
PAIR = 2


def sibling_pairs(r: ResolverState) -> None:
    """Add both riders of a surname named with a plural word for siblings."""
    if not _ANY_PLURAL.any_in(r.lowered()):
        return  # the usual case
    text = r.text
    for m in _PLURAL.finditer(text):
        for start, words in _surnames_beside(text, m.start(), m.end()):
            ids = _pair_of(r, words)
            if not ids:
                continue
            end = start + len(" ".join(words))
            # Never two mentions over the same characters: the surname names one of
            # the two (if no rule has read it yet), the plural word the other.
            taken = [f.entity_id for f in r.found if f.start < end and start < f.end]
            spans = [(m.start(), m.end())] if taken else [(start, end), (m.start(), m.end())]
            named = {f.entity_id for f in r.found}
            for pid in ids:
                if pid not in named and spans:
                    r.add_person(pid, *spans.pop(0), "surname")
            break


def _surnames_beside(text: str, start: int, end: int) -> list[tuple[int, list[str]]]:
    """Where a surname may sit beside the plural word, and its words: the longest first."""
    out: list[tuple[int, list[str]]] = []
    before = _BEFORE.search(text[max(0, start - 40) : start])
    if before:
        words = before.group(1).replace("-", " ").split()
        base = start - len(before.group(1))
        for n in range(len(words), 0, -1):
            tail = words[-n:]
            out.append((base + len(" ".join(words[:-n])) + (1 if n < len(words) else 0), tail))
    after = _AFTER.match(text[end : end + 40])
    if after:
        out.append((end + 1, after.group(1).split()))
    return out


def _pair_of(r: ResolverState, words: list[str]) -> tuple[str, ...]:
    """The two riders whose surname folds to `words`, or nobody: the roster's riders of
    every season count ("the Hansen brothers" are none of the many Hansens), and both
    must be racing or on a team's staff when the story is published."""
    key = " ".join(w for word in words for w in fold_tokens(word))
    people = r.lex.people
    ids = tuple(
        pid
        for pid, forms in r.lex.surnames.items()
        if forms and forms[0] == key and people[pid].kind == "rider"
    )
    if len(ids) != PAIR or any(r.kind(pid) not in ("rider", "staff") for pid in ids):
        return ()
    return ids
