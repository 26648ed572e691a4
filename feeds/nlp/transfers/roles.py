"""What the words around a team mention make it: the destination ("to", "naar",
"zum"), the origin ("from", "van", "von") or the person's current team ("at",
"X (Team)", "Team's X").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.descriptions import nationality_word
from feeds.nlp.transfers.text import ROLE_WORD, Span, last_ending_by

_LEX = pooled()
TO_WORDS = _LEX.words("to_markers")
_FROM_WORDS = _LEX.words("from_markers")
_AFF_WORDS = _LEX.words("affiliation_markers")
_FILLERS = _LEX.words("filler_words")
_TEAM_NOUNS = _LEX.words("team_nouns")
# Words that are both an article and a direction ("de" = the / of, "a" = a / to).
_AMBIGUOUS = frozenset(w for w in _FILLERS if w in TO_WORDS | _FROM_WORDS | _AFF_WORDS) | {
    "a",
    "al",
    "in",
    "con",
}
OWNER_GAP = re.compile(r"(?:'s|\u2019s|'|\u2019)\s+")
_BRACKET_GAP = re.compile(r"\s*[(\[]\s*$")
_PAREN_GAP = re.compile(r"\s*[(\[]\s*")
# A team joined to a lower-case noun before a name (da, no, nl, de): "Visma-sprinteren
# Olav Kooij", "Quick-Step-Chef Patrick Lefevere": the person's team, as "X's" is.
_COMPOUND_GAP = re.compile(r"-[^\W\d_][\w-]*\s+")
_TEAM_POSSESSIVE_GAP = re.compile(r"(?:'s|\u2019s|'|\u2019)\s+(?:[\w-]+\s+){0,2}")


# "X, a teammate of Y at UAE, signs ...": Y, after a companion noun in a comma apposition.
_COMPANION = re.compile(r"\b(?:" + _LEX.alternation("companion_nouns") + r")(?:\s+|['\u2019])$")


def apposed_companion(low: str, prev: Mention, person: Mention, cue_start: int) -> bool:
    """Is the person named as the one before them's teammate inside a comma apposition
    between the mover and the verb ("Juan Ayuso, zdaj moštveni kolega Tadeja Pogačarja pri
    UAE, je podpisal")? Then they describe the mover, so only the mover is the subject."""
    gap = low[prev.end : person.start]
    if not gap.lstrip().startswith(",") or "," in gap.lstrip()[1:]:
        return False  # not an apposition opened right after the mover
    return (
        bool(_COMPANION.search(low, prev.end, person.start)) and "," in low[person.end : cue_start]
    )


def role_floor(clause: Span, people: Sequence[Mention], team: Mention) -> int:
    """Where the words that can describe a team start: after the last person before it
    (people sorted by start: found by bisection, as a clause may name thousands)."""
    last = last_ending_by(people, team.start)
    return max(clause.start, last.end) if last is not None else clause.start


# "passer chez BMC Racing Team de 2013 à 2017", "at Sky from 2010 to 2019": a stint told
# with its years is a career's history, never where someone goes next.
_STINT_YEARS = re.compile(
    r"\s*\(?\s*(?:[\w']+\s+){0,1}(?:19|20)\d\d\s*(?:[-\u2013/]|(?:[\w']+\s+){1,2})\s*"
    r"(?:19|20)\d\d\b"
)


# "Tom Gloag (ex-Visma)", "the former Ineos rider", "tidligere Uno-X-rytter": right before
# a team, a word that makes it the team someone was at, in any language.
_FORMER = re.compile(
    r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(_LEX.words("former_markers")))) + r")(?:-|\s+)$"
)


def former(low: str, team: Mention, floor: int = 0) -> bool:
    """Is the team written as one someone was at ("ex-Visma", "former Ineos rider")?"""
    return _FORMER.search(low, max(floor, team.start - 20), team.start) is not None


# "Tom Gloag (ex-Visma)", "Tom Gloag, ex-Visma,": the former team right after a person.
_FORMER_AFTER = re.compile(r"\s*(?:[(\[]|,)\s*$")


def former_team(low: str, person: Mention, teams: Sequence[Mention]) -> str | None:
    """The team written as the person's former one right after their name, if any.

    Only the first team (of `teams`, sorted by start) after the name can be it: found by
    bisection, not a walk from the clause's first team, for each of thousands of movers."""
    i = bisect.bisect_right(teams, person.end, key=_start)
    if i == len(teams) or teams[i].start - person.end > 30:
        return None
    team = teams[i]
    marker = _FORMER.search(low, person.end, team.start)
    if marker and _FORMER_AFTER.fullmatch(low, person.end, marker.start()):
        return team.entity_id
    return None


def team_role(text: str, low: str, team: Mention, floor: int) -> str | None:
    """'to', 'from' or 'aff' from the words right before a team mention, else None."""
    if _STINT_YEARS.match(low, team.end):
        return None
    if former(low, team, floor):
        return "from"
    words = list(ROLE_WORD.finditer(low, max(floor, team.start - 60), team.start))
    skipped = 0
    for i in range(len(words) - 1, -1, -1):
        word = words[i].group().replace("\u2019", "'")
        left = words[i - 1].group() if i > 0 else ""
        if word in _AMBIGUOUS and (left in TO_WORDS or left in _FROM_WORDS):
            continue  # an article after a direction word: "naar de ploeg", "verso la"
        if word in TO_WORDS:
            return "to"
        if word in _FROM_WORDS:
            return "from"
        if word in _AFF_WORDS:
            return "aff"
        if word in _FILLERS:
            continue
        # Only descriptors may sit between ("for second-division Tudor", "het Franse FDJ",
        # "vom belgischen Team Soudal": a nationality is one in any case).
        original = text[words[i].start() : words[i].end()]
        skipped += 1
        if skipped > 2 or not (
            original[:1].isupper()
            or "-" in original
            or nationality_word(word)
            or word in _TEAM_NOUNS  # "dalla squadra belga Soudal"
        ):
            return None
    return None


def affiliation(text: str, person: Mention, teams: Sequence[Mention]) -> str | None:
    """The team written as the person's current one: "X (Team)" or "Team's X"."""
    # Only the team right before the person and the one right after can be joined to
    # them, found by bisection (teams sorted by start): a scan of every team per person is
    # quadratic in a list of thousands of "X (Team)" items. Fullmatch between offsets,
    # not on a slice, for the same reason.
    before = last_ending_by(teams, person.start)
    if before is not None and _TEAM_POSSESSIVE_GAP.fullmatch(text, before.end, person.start):
        return before.entity_id
    i = bisect.bisect_left(teams, person.end, key=_start)
    if i < len(teams) and _PAREN_GAP.fullmatch(text, person.end, teams[i].start):
        return teams[i].entity_id
    return None


def owned_teams(text: str, people: Sequence[Mention], teams: Sequence[Mention]) -> set[int]:
    """Team mentions that only say which team someone rides for."""
    starts = {p.start for p in people}
    ends = {p.end for p in people}
    owned = set()
    for team in teams:
        possessive = OWNER_GAP.match(text, team.end)  # "Alpecin-Deceuninck's Philipsen"
        if possessive and possessive.end() in starts:
            owned.add(id(team))
        bracket = _BRACKET_GAP.search(text, max(0, team.start - 4), team.start)
        if bracket and bracket.start() in ends:  # "Mads Pedersen (Lidl-Trek)"
            owned.add(id(team))
        compound = _COMPOUND_GAP.match(text, team.end)
        if compound and compound.end() in starts:  # "Visma-sprinteren Olav Kooij"
            owned.add(id(team))
    return owned


_STAFF_LEDE = 1
"""The headline and the first sentence: where a story about staff says so."""
RETIRED = "retired"
"""The tagger's kind for a rider whose career is over at publication."""
# a title or its plural ("directeurs", "sportsdirektører"), never a longer word
# ("principalement"): a boss's title or a staff role a person is appointed to, one list each
_STAFF_TITLE = re.compile(
    r"\b(?:"
    + "|".join(map(re.escape, sorted(_LEX.words("boss_titles") | _LEX.words("staff_roles"))))
    + r")(?:s|es|en|er)?\b"
)


def appointed(low: str, spans: Sequence[Span], retired: Sequence[Mention]) -> list[Mention]:
    """Retired riders named in a sentence with a staff title ("avec Mark Renshaw et
    Heinrich Haussler comme directeurs sportifs"): read as staff, who may move."""
    found = []
    # "Movistar va apporter du sang neuf à son encadrement avec l'arrivée de trois
    # directeurs sportifs. [...] Jürgen Roelandts fait également son arrivée": a lede
    # about staff makes its retired riders staff anywhere in the story.
    lede_end = spans[min(_STAFF_LEDE, len(spans) - 1)].end if spans else 0
    staff_lede = bool(_STAFF_TITLE.search(low, 0, lede_end))
    # The sentence by bisection and its title searched once: a sentence listing thousands
    # of retired riders would otherwise be walked and searched once for each of them.
    starts = [s.start for s in spans]
    titled: dict[int, bool] = {}
    for mention in retired:
        i = bisect.bisect_right(starts, mention.start) - 1
        if i < 0 or mention.start >= spans[i].end:
            continue  # the spans do not overlap: no earlier one holds it either
        if i not in titled:
            titled[i] = staff_lede or bool(_STAFF_TITLE.search(low, spans[i].start, spans[i].end))
        if titled[i]:
            found.append(mention)
    return found


def _start(mention: Mention) -> int:
    return mention.start
