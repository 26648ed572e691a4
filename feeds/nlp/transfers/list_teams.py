"""Which team a list of moves is about, and where each listed person comes from.

The team the list is about is the one team its sentence names outside brackets; else, in a
round-up, the team named alone on the line before ("Astana Qazaqstan"); else the team the
story is about, when its headline or lede names it. A team in brackets after a name, or
after a "from" word, is where that person comes from.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from feeds.models import Mention
from feeds.nlp.lexicon import literal_alternation, pooled, story_lexicon
from feeds.nlp.transfers.story import ARRIVAL_FAMILIES, Story
from feeds.nlp.transfers.text import WORD, Span, after_bracket, mentions_in, within

LEDE_SENTENCES = 2
HEADER_WORDS = 6
"""A round-up's team line is a few words at most ("Astana Qazaqstan", "UAE Team Emirates")."""
PARAGRAPH = "\n\n"
TEAM_REACH = 12
"""Team mentions looked back for the one a team noun means: a list's brackets between
fit ("A (T1), B (T2) ... C (T6)"); the walk stays short on a text of thousands."""
APPOSITION_GAP = 12
"""Characters between a person and a team in apposition (", del ", " of ")."""
HEADER_REACH = 3
"""Lines looked back for it."""


def list_team(story: Story, spans: Sequence[Span], span: Span, free: set[str]) -> str | None:
    """The team a list is about (see the module's docstring), or None when unclear."""
    if len(free) == 1:
        return next(iter(free))
    if free:
        return None  # several teams named plainly: whose list this is is not clear
    header = _header_team(story, spans, span)
    if header is not None:
        return header
    lede_end = spans[min(LEDE_SENTENCES, len(spans) - 1)].end
    focus = story.focus_team
    if focus is not None and any(t.entity_id == focus and t.start < lede_end for t in story.teams):
        return focus
    return None


def noun_team(story: Story, spans: Sequence[Span], span: Span, opens: int) -> str | None:
    """The team a list's sentence names by a team noun only, before the list opens
    ("welke versterkingen hij aan de ploeg toevoegt:", "præsenteret som ny mand på holdet
    sammen med tre andre: A, B og C"; lexicon concept `team_nouns`, not the word inside a
    team's name, "UAE Team Emirates"): the one team named plainly before the sentence
    (not in brackets, not as someone's own), in its paragraph or the one before; else
    None. Two different teams named there leave it unclear ("Lidl-Trek watched UAE win.
    Three riders join the team:" may mean either), and a national selection's words
    nearby make the noun the national team, which is no team of the roster's."""
    if not _says_team_noun(story, span.start, opens):
        return None
    before = spans[span.sentence - 1] if span.sentence > 0 else span
    if _national_cue(story.languages).search(story.low, before.start, span.end):
        return None  # "the national coach adds three riders to the team": a selection
    floor = _paragraph_floor(story, span.start)
    at = bisect.bisect_left(story.teams, span.start, key=_start) - 1
    found = None
    for team in reversed(story.teams[max(0, at + 1 - TEAM_REACH) : at + 1]):
        if team.start < floor:
            break  # two paragraphs back: another topic
        if id(team) in story.owned or after_bracket(story.low, team.start):
            continue
        if _apposed(story, team):
            continue  # "Pidcock of Q36.5 leads Britain": Pidcock's own team
        if found is not None and found != team.entity_id:
            return None  # two teams named plainly: which one the noun means is unclear
        found = team.entity_id
    return found


def _paragraph_floor(story: Story, at: int) -> int:
    """Where the paragraph before the one holding `at` begins (0 when there is none). The
    paragraph starts are indexed once per story."""
    if story.paragraph_starts is None:
        story.paragraph_starts = [0] + [m.end() for m in re.finditer(PARAGRAPH, story.text)]
    k = bisect.bisect_right(story.paragraph_starts, at) - 1  # the paragraph holding `at`
    return story.paragraph_starts[max(0, k - 1)]


def _apposed(story: Story, team: Mention) -> bool:
    """Does the team follow a person as theirs: "<person> of <team>", "<person>, del
    <team>", "<person> van <team>" (lexicon concept `owner_markers`)?"""
    k = bisect.bisect_left(story.people, team.start, key=_start) - 1
    if k < 0 or team.start - story.people[k].end > APPOSITION_GAP:
        return False
    gap = story.low[story.people[k].end : team.start]
    return story.people[k].end <= team.start and bool(_owner_gap(story.languages).fullmatch(gap))


@cache
def _owner_gap(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    words = literal_alternation(story_lexicon(languages).words("owner_markers"))
    return re.compile(r"\s*,?\s*(?:" + words + r")(?:\s+|(?<=')\s*)")


@cache
def _national_cue(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """The words of a national selection (concept `national_team_cues`: "national coach",
    "bondscoach", "sélectionneur", "seleccionador", "commissario tecnico")."""
    words = literal_alternation(story_lexicon(languages).words("national_team_cues"))
    return re.compile(r"(?<!\w)(?:" + words + r")(?!\w)")


def _start(mention: Mention) -> int:
    return mention.start


def _says_team_noun(story: Story, start: int, end: int) -> bool:
    """Does a team noun stand between `start` and `end`, outside the teams' names ("UAE
    Team Emirates" holds no team noun)? One walk over the words and the team mentions."""
    nouns, named = _team_nouns(story.languages), within(story.teams, start, end)
    k = 0
    for m in WORD.finditer(story.low, start, end):
        while k < len(named) and named[k].end <= m.start():
            k += 1
        inside = k < len(named) and named[k].start <= m.start()
        if not inside and _elided(m.group()) in nouns:
            return True
    return False


def _elided(word: str) -> str:
    """The word without an elided article before it: "l'équipe" -> "équipe"."""
    return word.replace("\u2019", "'").rsplit("'", 1)[-1]


@cache
def _team_nouns(languages: tuple[str, ...] | None) -> frozenset[str]:
    return frozenset(w.lower() for w in story_lexicon(languages).words("team_nouns"))


def _header_team(story: Story, spans: Sequence[Span], span: Span) -> str | None:
    """The only team named on a short line a few lines before the list (a round-up's
    team line, with the arrivals and the departures lines under it)."""
    for before in reversed(spans[max(1, span.sentence - HEADER_REACH) : span.sentence]):
        if len(story.text[before.start : before.end].split()) > HEADER_WORDS:
            continue
        teams = {t.entity_id for t in mentions_in(story.teams, before)}
        return next(iter(teams)) if len(teams) == 1 else None
    return None


def bracketed_teams(
    story: Story,
    people: Sequence[Mention],
    teams: Sequence[Mention],
    languages: tuple[str, ...] | None = None,
) -> dict[str, Mention]:
    """Each person followed by "(" and a team ("X (Movistar)"): that team, by person."""
    low, bracket = story.low, _bracket(languages)
    starts = [t.start for t in teams]  # in text order: the first team after each name
    found: dict[str, Mention] = {}
    for person in people:
        at = bisect.bisect_right(starts, person.end)
        if at == len(teams):
            continue
        after = teams[at]
        gap = bracket.match(low, person.end, after.start)
        if gap is not None and gap.end() == after.start:
            found.setdefault(person.entity_id, after)
    return found


@cache
def _bracket(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """An opening bracket, perhaps with one word before the team (a "from" word, "ex",
    the team's own "Team"): what lies between a person and their team in a list."""
    lexicon = story_lexicon(languages)
    words = sorted(lexicon.words("from_markers"), key=len, reverse=True)
    return re.compile(r"\s*\(\s*(?:(?:" + "|".join(map(re.escape, words)) + r"|[\w-]+)\s+)?")


@cache
def from_marker() -> re.Pattern[str]:
    """A "from" word of any language ending just before a team; one word may stand
    between: "van Team Polti", "from the Italian team"."""
    alternation = "|".join(map(re.escape, sorted(pooled().words("from_markers"))))
    return re.compile(r"(?:^|\W)(?:" + alternation + r")\W+(?:[\w-]+\W+)?$")


def marked_starts(low: str, teams: Sequence[Mention], marker: re.Pattern[str]) -> set[int]:
    """Teams named right after a "from" word ("who joins from Team dsm-firmenich")."""
    return {t.start for t in teams if marker.search(low, max(0, t.start - 24), t.start)}


def bracketed_starts(low: str, teams: Sequence[Mention]) -> set[int]:
    """Teams named right after "(" (white space between): a window, not the whole text
    before each team, which is quadratic in a text naming thousands of teams."""
    return {t.start for t in teams if after_bracket(low, t.start)}


def bracketed_arrival(story: Story, span: Span) -> bool:
    """Does an arrival cue open a bracket of the sentence ("A (headed to Ineos), B
    (Jayco AlUla)", "A (en route vers Ineos), B (Jayco)")? Then its list's brackets are
    where each person goes."""
    return any(
        h.family in ARRIVAL_FAMILIES and after_bracket(story.low, h.start)
        for h in within(story.hits.get("move", []), span.start, span.end)
    )


_BRACKET_BODY = re.compile(r"\s*\(([^()]*)\)")
_DEPARTURES = frozenset({"depart", "noun_depart", "lose"})


def held_brackets(
    story: Story, span: Span, brackets: dict[str, Mention], languages: tuple[str, ...] | None
) -> set[str]:
    """People whose bracket, in a sentence where another bracket holds an arrival, still
    names the team they are at, not where they go: a bracket without an arrival cue of
    its own that says "until" ("Ineos Grenadiers until 2025"), names the person's team at
    publication, or names a team the sentence says people leave ("Leaving Ineos: A (joins
    Q36.5), B (Ineos Grenadiers)")."""
    low, moves = story.low, within(story.hits.get("move", []), span.start, span.end)
    until = _until(languages)
    left = {
        t.entity_id
        for t in mentions_in(story.teams, span)
        if any(h.family in _DEPARTURES and 0 <= t.start - h.end <= 4 for h in moves)
    }
    held: set[str] = set()
    for person_id, team in brackets.items():
        body = _bracket_around(low, team.start, span.end)
        if body is None or any(
            h.family in ARRIVAL_FAMILIES and body[0] <= h.start < body[1] for h in moves
        ):
            continue  # a bracket with an arrival of its own says where the person goes
        person = story.roster.people.get(person_id)
        at_team = person is not None and person.team_on(story.published) == team.entity_id
        if at_team or team.entity_id in left or until.search(low, body[0], body[1]):
            held.add(person_id)
    return held


def _bracket_around(low: str, at: int, end: int) -> tuple[int, int] | None:
    """The bracket holding the text at `at`: where it opens and closes."""
    opens = low.rfind("(", max(0, at - 40), at)
    closes = low.find(")", at, end)
    if opens < 0 or closes < 0:
        return None
    return opens, closes


@cache
def _until(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    lexicon = story_lexicon(languages)
    words = sorted(lexicon.words("until_markers"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
