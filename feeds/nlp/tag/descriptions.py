"""Descriptions that refer back: "the Belgian team" and "l'équipe belge" to a team (or a
staff member's team), "the Dane" and "de Sloveen" to the one person of that country
named before, "Vinokourov's team" to the team a staff member works for."""

from __future__ import annotations

import re

from feeds.nlp.cues.descriptions import (
    APPOSITION_LINKS,
    RIDER_NOUNS,
    TEAM_NOUNS_AFTER,
    TEAM_NOUNS_BEFORE,
)
from feeds.nlp.cues.names import ROLE_WORDS
from feeds.nlp.cues.nationalities import PERSON_ARTICLES
from feeds.nlp.fold import fold_tokens
from feeds.nlp.tag.keys import NationKey
from feeds.nlp.tag.names import folded
from feeds.nlp.tag.state import ResolverState
from feeds.nlp.tag.story import WORDS

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
    words around it make one: an article, a team or rider noun."""
    ft = r.ft
    n = ft.word_count

    def word(k: int) -> str:
        return ft.word(k) if 0 <= k < n else ""

    for k0, k1, p in descs:
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
        if is_team:
            _team_description(r, p.country, start, end)
        elif not _apposition(r, end):
            _person_description(r, p.country, start, end)


def _team_description(r: ResolverState, country: str, start: int, end: int) -> None:
    """ "the Belgian team": the most recent team of that country named before, or the
    team of a staff member named before ("Vinokourov ... the Kazakh team"). A team in
    brackets is a rider's ("A (T1), B (T2) et C (T3) ont signé avec la formation
    française"): the description, told in a later clause or sentence, speaks of a team
    the story names in its own words before any rider's bracket; a bracket only when
    the story names no such team ("X (Cofidis) won. The French team ...")."""
    earlier: list[tuple[bool, int, str]] = []
    for f in r.found:
        if f.start >= start:
            continue
        if f.is_team:
            tid: str | None = f.entity_id
        elif f.kind == "staff":
            tid = r.person(f.entity_id).team_on(r.published)
        else:
            continue  # a team is never inferred from a rider
        if tid and tid in r.lex.teams and r.team(tid).country == country:
            named = not (f.is_team and _bracketed(r.text, f.start, f.end))
            earlier.append((named, f.start, tid))
    if earlier:
        r.add_team(max(earlier)[2], start, end, "description")


def _bracketed(text: str, start: int, end: int) -> bool:
    """The mention stands alone in brackets: "(Cofidis)"."""
    return text[max(0, start - 1) : start] == "(" and text[end : end + 1] == ")"


def _person_description(r: ResolverState, country: str, start: int, end: int) -> None:
    """ "the Dane": the one rider or staff member of that country named before."""
    earlier = {
        f.entity_id
        for f in r.found
        if not f.is_team
        and f.kind in ("rider", "staff")
        and f.start < start
        and r.person(f.entity_id).nationality == country
    }
    if len(earlier) == 1:
        r.add_person(earlier.pop(), start, end, "description")


def _apposition(r: ResolverState, end: int) -> bool:
    """ "the Belgian Cian Uijtdebroeks", "the Italian Classics rider and sprinter Davide
    Ballerini": the description introduces the name that follows it, unlike "El español
    superó a Carlos Rodríguez", where a verb stands between."""
    for f in r.found:
        if end <= f.start <= end + APPOSITION_CHARS and not f.is_team:
            gap = r.text[end : f.start]
            if _CLAUSE_BREAK.search(gap):
                continue
            words = WORDS.findall(gap)
            if all(w[0].isupper() or w.isdigit() or folded(w) in _APPOSITION_WORDS for w in words):
                return True
    return False
