"""Descriptions that refer back: "the Belgian team" and "l'équipe belge" to a team (or a
staff member's team), "the Dane" and "de Sloveen" to the one person of that country
named before, "Vinokourov's team" to the team a staff member works for."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from feeds.nlp.cues.descriptions import (
    APPOSITION_LINKS,
    RIDER_NOUNS,
    TEAM_NOUNS_AFTER,
    TEAM_NOUNS_BEFORE,
)
from feeds.nlp.cues.names import ROLE_WORDS
from feeds.nlp.cues.nationalities import PERSON_ARTICLES
from feeds.nlp.tag.keys import NationKey
from feeds.nlp.tag.names import folded
from feeds.nlp.tag.state import Found, ResolverState
from feeds.nlp.tag.story import WORDS
from feeds.text.fold import fold_tokens

# How close a description must be followed by a name to be that name's apposition.
APPOSITION_CHARS = 60

_ARTICLES_BEFORE = frozenset(
    w for articles, _ in TEAM_NOUNS_BEFORE.values() for a in articles for w in fold_tokens(a)
)
_TEAM_NOUNS_BEFORE = frozenset(
    folded(noun) for _, nouns in TEAM_NOUNS_BEFORE.values() for noun in nouns
)
_ARTICLES_AFTER = frozenset(
    w for articles, _ in TEAM_NOUNS_AFTER.values() for a in articles for w in fold_tokens(a)
)
_TEAM_NOUNS_AFTER = frozenset(
    folded(noun) for _, nouns in TEAM_NOUNS_AFTER.values() for noun in nouns
)
_RIDER_NOUNS = frozenset(folded(noun) for noun in RIDER_NOUNS)
# Words that may stand between a description and the name it introduces.
_APPOSITION_WORDS = _RIDER_NOUNS | ROLE_WORDS | APPOSITION_LINKS
_POSSESSIVE_TEAM = re.compile(r"['\u2019]s?\s+(team|squad|outfit|équipe|ploeg)\b")
_CLAUSE_BREAK = re.compile(r"[.;:!?,]")


def staff_teams(r: ResolverState) -> None:
    """ "Vinokourov's team": the team a staff member works for at publication."""
    for f in list(r.found):
        if f.kind != "staff":
            continue
        after = r.text[f.end : f.end + 12]
        m = _POSSESSIVE_TEAM.match(after)
        if not m:
            continue
        tid = r.person(f.entity_id).team_on(r.published)
        if tid and tid in r.lex.teams:
            # The mention is the "team" word; the name stays the staff member's.
            r.add_team(tid, f.end + m.start(1), f.end + m.end(1), "description")


def descriptions(r: ResolverState, descs: list[tuple[int, int, NationKey]]) -> None:
    """Read each nationality word (folded word range, key) as a description when the
    words around it make one: an article, a team or rider noun. One sweep in text order:
    what came before each description is kept per country as it goes (`_Before`), so a
    story with many descriptions and many mentions stays linear."""
    ft = r.ft
    n = ft.word_count

    def word(k: int) -> str:
        return ft.word(k) if 0 <= k < n else ""

    before_desc = _Before(r)
    for k0, k1, p in sorted(descs, key=lambda d: d[0]):
        before, after = word(k0 - 1), word(k1)
        first = last = None
        is_team = False
        if p.adj and before in _ARTICLES_BEFORE and after in _TEAM_NOUNS_BEFORE:
            first, last, is_team = k0 - 1, k1, True
        elif p.adj and before in _TEAM_NOUNS_AFTER and word(k0 - 2) in _ARTICLES_AFTER:
            first, last, is_team = k0 - 2, k1 - 1, True
        elif p.adj and before in PERSON_ARTICLES and after in _RIDER_NOUNS:
            first, last = k0 - 1, k1
        elif p.adj and before in _RIDER_NOUNS and word(k0 - 2) in PERSON_ARTICLES:
            # Romance order, the noun first: "il campione italiano", "la campionessa
            # italiana", "le coureur français".
            first, last = k0 - 2, k1 - 1
        elif p.noun and before in PERSON_ARTICLES:
            first, last = k0 - 1, k1 - 1
        if first is None or last is None:
            continue
        start = ft.word_span(first)[0]
        end = ft.word_span(last)[1]
        before_desc.advance(start)
        if is_team:
            _team_description(r, before_desc, p.country, start, end)
        elif not _apposition(r, before_desc, end):
            _person_description(r, before_desc, p.country, start, end)


class _Before:
    """What the story named before a point, per country, as the sweep moves on: the latest
    team named in its own words and the latest team alone in brackets (a rider's), and the
    people. Mentions are taken in text order; the ones descriptions add on the way (at
    points already passed) are taken as they appear."""

    def __init__(self, r: ResolverState) -> None:
        self.r = r
        self.pending = sorted(r.found, key=lambda f: f.start)
        self.seen = len(r.found)  # r.found grows as descriptions are read
        self.next = 0
        self.named: dict[str, tuple[int, str]] = {}
        self.bracketed: dict[str, tuple[int, str]] = {}
        self.people: dict[str, set[str]] = {}
        # the people's starts, for the apposition after a description
        self.person_starts = [f.start for f in self.pending if not f.is_team]

    def advance(self, start: int) -> None:
        """Take every mention that starts before `start`."""
        r = self.r
        while self.next < len(self.pending) and self.pending[self.next].start < start:
            self._take(self.pending[self.next])
            self.next += 1
        while self.seen < len(r.found):
            f = r.found[self.seen]
            self.seen += 1
            if f.start < start:
                self._take(f)
            else:  # not before this description: keep it for the ones after
                self.pending.insert(bisect_right(self.pending, f.start, key=_start), f)

    def _take(self, f: Found) -> None:
        r = self.r
        if not f.is_team and f.kind in ("rider", "staff"):
            nation = r.person(f.entity_id).nationality
            if nation:
                self.people.setdefault(nation, set()).add(f.entity_id)
        if f.is_team:
            tid: str | None = f.entity_id
        elif f.kind == "staff":
            tid = r.person(f.entity_id).team_on(r.published)
        else:
            return  # a team is never inferred from a rider
        if not tid or tid not in r.lex.teams:
            return
        country = r.team(tid).country
        kept = self.bracketed if f.is_team and _bracketed(r.text, f.start, f.end) else self.named
        if country not in kept or kept[country] <= (f.start, tid):
            kept[country] = (f.start, tid)


def _start(f: Found) -> int:
    return f.start


def _team_description(
    r: ResolverState, before: _Before, country: str, start: int, end: int
) -> None:
    """ "the Belgian team": the most recent team of that country named before, or the
    team of a staff member named before ("Vinokourov ... the Kazakh team"). A team in
    brackets is a rider's ("A (T1), B (T2) et C (T3) ont signé avec la formation
    française"): the description, told in a later clause or sentence, speaks of a team
    the story names in its own words before any rider's bracket; a bracket only when
    the story names no such team ("X (Cofidis) won. The French team ...")."""
    latest = before.named.get(country) or before.bracketed.get(country)
    if latest:
        r.add_team(latest[1], start, end, "description")


def _bracketed(text: str, start: int, end: int) -> bool:
    """The mention stands alone in brackets: "(Cofidis)"."""
    return text[max(0, start - 1) : start] == "(" and text[end : end + 1] == ")"


def _person_description(
    r: ResolverState, before: _Before, country: str, start: int, end: int
) -> None:
    """ "the Dane": the one rider or staff member of that country named before."""
    earlier = before.people.get(country, set())
    if len(earlier) == 1:
        r.add_person(next(iter(earlier)), start, end, "description")


def _apposition(r: ResolverState, before: _Before, end: int) -> bool:
    """ "the Belgian Cian Uijtdebroeks", "the Italian Classics rider and sprinter Davide
    Ballerini": the description introduces the name that follows it, unlike "El español
    superó a Carlos Rodríguez", where a verb stands between."""
    starts = before.person_starts  # the people the tagger found, in text order
    for k in range(bisect_left(starts, end), bisect_right(starts, end + APPOSITION_CHARS)):
        gap = r.text[end : starts[k]]
        if _CLAUSE_BREAK.search(gap):
            continue
        words = WORDS.findall(gap)
        if all(w[0].isupper() or w.isdigit() or folded(w) in _APPOSITION_WORDS for w in words):
            return True
    return False
