"""Siblings named together by their surname: "the Van Dijke twins", "die
Van-Dijke-Zwillinge", "les frères Oliveira", "os gémeos Oliveira". The plural word for
siblings beside a surname names both riders of it, when the roster has exactly two and
they can be one family: the same nationality, and the sex the word gives ("brothers" two
men, "sisters" two women; "twins" or "siblings" either). Other people share surnames
too ("the Kessler twins", the entertainers; "the Smith brothers who run the bus
company"), so the pair also needs cycling beside it: one of the two named elsewhere, or
a team, a rider or a strong cycling word near the plural word. As no two mentions cover the same
characters, one sibling is read on the surname and the other on the plural word."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping

from feeds.nlp.matcher import Substrings
from feeds.nlp.tag.context import STRONG_CUE_WEIGHT
from feeds.nlp.tag.lexicon import Lexicon
from feeds.nlp.tag.state import ResolverState
from feeds.roster import Person
from feeds.text.fold import fold_tokens

# Plural words for siblings, each language of the feeds: en, nl, de, fr, it, es, pt,
# da/no, by the sex they give the pair. Matched case aside, whole words or after a
# hyphen ("Van-Dijke-Zwillinge").
BROTHERS = (
    "brothers",
    "broers",
    "gebroeders",
    "brüder",
    "frères",
    "fratelli",
    "hermanos",
    "irmãos",
    "brødre",
    "brødrene",
    "jumeaux",
    "gemelli",
    "gemelos",
    "gémeos",
    "gêmeos",
)
SISTERS = (
    "sisters",
    "zussen",
    "schwestern",
    "sœurs",
    "sorelle",
    "hermanas",
    "irmãs",
    "søstre",
    "jumelles",
    "gemelle",
    "gemelas",
    "gémeas",
)
EITHER = (
    "twins",
    "siblings",
    "tweeling",
    "zwillinge",
    "geschwister",
    "tvillinger",
    "tvillingerne",
    "tvillingene",
)
SIBLINGS_PLURAL = (*BROTHERS, *SISTERS, *EITHER)
# The riders' category (see `feeds.roster.TEAM_CATEGORIES`) each word asks of both.
_CATEGORY = {
    **{w: "men" for w in BROTHERS},
    **{w: "women" for w in SISTERS},
    **{w: None for w in EITHER},
}
# A substring test first: the alternation, tried at every character, costs far more.
_ANY_PLURAL = Substrings(SIBLINGS_PLURAL)
_PLURAL = re.compile(r"(?i:(?<![^\W_])(?:" + "|".join(SIBLINGS_PLURAL) + r")(?![^\W_]))")
# A surname of up to three words ("Van der Poel"), capitalised, right before the plural
# word (a space or a hyphen between) or right after it.
_CAPITAL = "A-ZÀ-ÖØ-ÞĆČĐŁŃŘŚŠŹŽ"
_BEFORE = re.compile(rf"((?:[{_CAPITAL}][^\W\d_]*[ -]){{1,3}})$")
_AFTER = re.compile(rf"^ ((?:[{_CAPITAL}][^\W\d_]*)(?: (?:[a-z]{{1,3}} )*[{_CAPITAL}][^\W\d_]*)?)")
PAIR = 2
# Characters either side of the plural word a team, a rider or a cycling word must be within.
NEAR = 150
_KEPT = 3


def rider_surnames(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """Folded surname -> the roster's riders who have it (of every season): built once
    per lexicon, so a plural word costs one look-up, not a walk of the roster."""
    index: dict[str, list[str]] = {}
    for pid, forms in lex.surnames.items():
        if forms and lex.people[pid].kind == "rider":
            index.setdefault(forms[0], []).append(pid)
    return {key: tuple(ids) for key, ids in index.items()}


def sibling_pairs(r: ResolverState, by_surname: Mapping[str, tuple[str, ...]]) -> None:
    """Add both riders of a surname named with a plural word for siblings."""
    if not _ANY_PLURAL.any_in(r.lowered()):
        return  # the usual case
    text = r.text
    # Built on the first pair, then kept up to date: never rebuilt per plural word.
    seen: dict[str, list[tuple[int, int]]] | None = None
    cycling: list[int] = []
    for m in _PLURAL.finditer(text):
        category = _CATEGORY[m.group(0).lower()]
        for start, words in _surnames_beside(text, m.start(), m.end()):
            ids = _pair_of(r, by_surname, words, category)
            if not ids:
                continue
            if seen is None:
                seen = _first_mentions(r)
                cycling = _cycling_places(r)
            if all(pid in seen for pid in ids):
                break
            end = start + len(" ".join(words))
            # The surname and the plural word, in either order.
            here = (min(start, m.start()), max(end, m.end()))
            if not _named_elsewhere(seen, ids, here) and not _near(cycling, here):
                break
            # Never two mentions over the same characters: the surname names one of
            # the two (if no rule has read it yet), the plural word the other.
            taken = any(f.start < end and start < f.end for f in r.found)
            spans = [(m.start(), m.end())] if taken else [(start, end), (m.start(), m.end())]
            for pid in ids:
                if pid not in seen and spans:
                    span = spans.pop(0)
                    r.add_person(pid, *span, "surname")
                    seen[pid] = [span]
            break


def _first_mentions(r: ResolverState) -> dict[str, list[tuple[int, int]]]:
    """Each person found -> the spans of his first mentions: a mention away from the
    plural word is among the first three, as the surname beside it covers one."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for f in r.found:
        if not f.is_team:
            spans = seen.setdefault(f.entity_id, [])
            if len(spans) < _KEPT:
                spans.append((f.start, f.end))
    return seen


def _named_elsewhere(
    seen: Mapping[str, list[tuple[int, int]]], ids: tuple[str, ...], here: tuple[int, int]
) -> bool:
    """One of `ids` is named outside `here` (the surname and the plural word)."""
    return any(s >= here[1] or e <= here[0] for pid in ids for s, e in seen.get(pid, ()))


def _cycling_places(r: ResolverState) -> list[int]:
    """Where the story names a team or a rider or writes a strong cycling word, in text
    order ("talents such as Olav Kooij and the Van Dijke twins")."""
    places = [f.start for f in r.found if f.is_team or f.kind == "rider"]
    places.extend(h[0] for h in r.hits if h[4].cue >= STRONG_CUE_WEIGHT)
    return sorted(places)


def _near(places: list[int], here: tuple[int, int]) -> bool:
    """A place within NEAR characters of `here`, outside it (not the surname itself)."""
    i = bisect_left(places, here[0] - NEAR)
    while i < len(places) and places[i] <= here[1] + NEAR:
        if not here[0] <= places[i] < here[1]:
            return True
        i += 1
    return False


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


def _pair_of(
    r: ResolverState,
    by_surname: Mapping[str, tuple[str, ...]],
    words: list[str],
    category: str | None,
) -> tuple[str, ...]:
    """The two riders whose surname folds to `words` and who can be one family, or
    nobody: the roster's riders of every season count ("the Hansen brothers" are none of
    the many Hansens), both must be racing or on a team's staff when the story is
    published, share a nationality, and race in `category` when the word gives one."""
    key = " ".join(w for word in words for w in fold_tokens(word))
    ids = by_surname.get(key, ())
    if len(ids) != PAIR or any(r.kind(pid) not in ("rider", "staff") for pid in ids):
        return ()
    first, second = (r.person(pid) for pid in ids)
    if first.nationality is None or first.nationality != second.nationality:
        return ()
    if category is not None and any(_category(r, p) != category for p in (first, second)):
        return ()
    return ids


def _category(r: ResolverState, person: Person) -> str | None:
    """Men's or women's racing, from every team the rider was on; None when unknown."""
    teams = r.lex.teams
    cats = {teams[s.team_id].category for s in person.stints if s.team_id in teams}
    return cats.pop() if len(cats) == 1 else None
