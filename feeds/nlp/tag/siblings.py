"""Brothers and sisters: "Adam and Simon Yates" names two riders, and "his twin brother
Simon" is the rider of that first name and of a surname named before."""

from __future__ import annotations

import re

from feeds.nlp.matcher import Substrings
from feeds.nlp.tag.state import ResolverState
from feeds.text.fold import fold_tokens

# Substrings one of which every _SIBLING match contains: a cheap test first, since the
# regex, a case-insensitive alternation, costs ~100 µs a story.
_SIBLING_WORDS = (
    "twin",
    "brother",
    "sister",
    "jume",
    "frère",
    "frere",
    "sœur",
    "soeur",
    "tweeling",
    "broer",
    "zus ",
    "gemel",
    "fratello",
    "sorella",
    "hermano",
    "hermana",
    "zwilling",
    "bruder",
    "schwester",
    "irmã",
    "gémeo",
    "gêmeo",
    "bror",
    "søster",
    "tvilling",
)
_ANY_SIBLING_WORD = Substrings(_SIBLING_WORDS)
# "and" in the feed languages: en, nl, fr, it/pt, es, de; sl ("Ivo in Rui Oliveira"), da/no
# ("og"), sv ("och"), ca/hr ("i").
_AND_WORDS = frozenset({"and", "en", "et", "e", "y", "und", "in", "og", "och", "i"})
# A word for a sibling, then a capitalised first name: "his twin brother Simon", "son
# frère jumeau Simon", "zijn broer Simon", "suo fratello Simon", "su gemelo Simon", "o irmão
# Ivo", "hans bror Simon", "tvillingbroren Simon".
_SIBLING = re.compile(
    r"(?i:\b(?:twin|brother|sister|jumeau|jumelle|frère|frere|sœur|soeur|tweelingbroer|"
    r"tweelingzus|tweeling|broer|zus|gemello|gemella|fratello|sorella|gemelo|gemela|hermano|"
    r"hermana|zwillingsbruder|zwillingsschwester|zwilling|bruder|schwester|irmão|irmã|"
    r"gémeo|gêmeo|gémea|gêmea|tvillingbroren|tvillingebror|tvillingbror|broren|bror|"
    r"søsteren|søster))"
    r"\s+([A-ZÀ-ÖØ-ÞŁŠŽČ][^\W\d_]+)\b"
)


def shared_surname(r: ResolverState, start: int, k0: int, k1: int) -> tuple[str, int, int] | None:
    """ "Adam and Simon Yates", "Ion en Gorka Izagirre": the first name before the
    "and" shares the full name's surname. Only when that makes a roster name."""
    ft, text = r.ft, r.text
    if k0 < 2 or k1 - k0 < 2 or ft.word(k0 - 1) not in _AND_WORDS:
        return None
    link_start, link_end = ft.word_span(k0 - 1)
    first_start, first_end = ft.word_span(k0 - 2)
    gaps = (text[first_end:link_start], text[link_end:start])
    if any(gap.strip(" \u00a0") or not gap for gap in gaps):
        return None  # only spaces between: "Adam and Simon Yates", not "Adam. And Simon"
    if not text[first_start].isupper():
        return None
    words = [ft.word(k0 - 2), *(ft.word(k) for k in range(k0 + 1, k1))]
    ids = r.lex.full_name_ids(words)
    if not ids:
        return None
    pid = r.pick_person(ids, first_start)
    return (pid, first_start, first_end) if pid is not None else None


def siblings(r: ResolverState) -> None:
    """ "Adam Yates ... his twin brother Simon": a first name right after a word for a
    sibling is the rider of that first name and the surname of someone named before."""
    low = r.lowered()
    if not _ANY_SIBLING_WORD.any_in(low):
        return  # the usual case: one substring search each, in C, not the regex
    for m in _SIBLING.finditer(r.text):
        start, end = m.start(1), m.end(1)
        here = [f for f in r.found if f.start < end and start < f.end]
        if any(f.how != "surname" for f in here):
            continue  # a name, an alias: not a sibling's first name
        given = fold_tokens(m.group(1))
        for f in reversed(r.found):
            if f.start >= start or f.is_team or f.kind not in ("rider", "staff"):
                continue
            surname = fold_tokens(r.person(f.entity_id).name)[1:]
            ids = r.lex.full_name_ids(given + surname)
            pid = r.pick_person(ids, start) if ids else None
            if pid is not None and pid != f.entity_id:
                # "Simon" read as the surname of another Simon gives way.
                r.found = [f for f in r.found if f not in here]
                r.add_person(pid, start, end, "name")
                break
