"""Where one cue sends its movers: destination candidates (team id -> weight) and the
teams left, read from the teams around the cue in the way its family reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.carried_teams import carried_team
from feeds.nlp.transfers.roles import affiliation, former
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import ROLE_WORD, WORD, Span, index_ending_by, mentions_in, within

MAX_GAP_WORDS = 8
_LEX = pooled()
_VERB_FINAL = _LEX.words("verb_final")
_RACE_NOUNS = _LEX.words("race_nouns")
_COLOURS = _LEX["colours"]
_MUTUAL_DEPART = _LEX["mutual_depart"]
_SWAP_VERBS = _LEX["swap_verbs"]
_SWAP_NEEDS_BOTH = _LEX["swap_needs_both"]
_SWAP_FOR = _LEX.words("swap_for_markers")
_AND_GAP = re.compile(r"\s+(?:and|en|et|e|und|y)\s+")
_PASSIVE_AGENT = re.compile(
    r"\s+(?:"
    + _LEX.alternation("passive_agents")
    + r")(?:\s+(?:"
    + _LEX.alternation("agent_articles")
    + r")\s+|\s+|(?<='))"
)
# Between a leaving verb and the team, the post held there ("quitte son poste chez X",
# "leaves his role at X", "verlaat zijn functie bij X"): X is left, not joined.
_OWN_POST = re.compile(
    r"\s*(?:"
    + _LEX.alternation("own_post_possessives")
    + r")\s+[\w-]+\s+(?:"
    + _LEX.alternation("own_post_prepositions")
    + r")\s+(?:"
    + "|".join(w if w.endswith("'") else w + r"\s+" for w in _LEX["own_post_articles"])
    + r")?$"
)
_GENERIC_TEAM = re.compile(r"\b(?:" + _LEX.alternation("team_nouns") + r"|it|they|ze|elle|sie)\b")


def passive_agent(story: Story, cue: Hit, teams: Sequence[Mention]) -> Mention | None:
    """The team after "by" in a passive signing ("X has been signed by Y", "è stato
    ingaggiato dalla Y"): it is the destination and the person before is the mover."""
    found = _PASSIVE_AGENT.match(story.low, cue.end)
    if found is None:
        return None
    return next((t for t in teams if t.start == found.end()), None)


def _swapped_to(story: Story, left: Mention, after: Sequence[Mention]) -> Mention | None:
    """The second team of "swaps A for B" / "verruilt A voor B": the one swapped to."""
    for team in after:
        if team.start <= left.end:
            continue
        words = ROLE_WORD.findall(story.low, left.end, team.start)
        # "A for B", "A in voor B", "le maillot de A pour celui de B"
        if words and len(words) <= 6 and any(w in _SWAP_FOR for w in words):
            return team
        return None
    return None


class _Prefix(Sequence[Mention]):
    """The first `length` of a clause's teams, read in place: a copy per cue would be
    quadratic in a sentence of thousands of verbs and teams."""

    __slots__ = ("_items", "_length")

    def __init__(self, items: Sequence[Mention], length: int) -> None:
        self._items, self._length = items, length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Mention: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Mention]: ...
    def __getitem__(self, index: int | slice) -> Mention | Sequence[Mention]:
        if isinstance(index, slice):
            return [self._items[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return self._items[index]

    def __iter__(self) -> Iterator[Mention]:
        items = self._items
        return (items[i] for i in range(self._length))

    def __reversed__(self) -> Iterator[Mention]:
        items = self._items
        return (items[i] for i in range(self._length - 1, -1, -1))


@dataclass(slots=True)
class _Reading:
    """The teams around one cue, and what they have said so far about its movers."""

    story: Story
    cue: Hit
    clause: Span
    roles: dict[int, str | None]
    movers: Sequence[Mention]
    local: list[Mention]
    """Teams in the words the cue owns (up to its neighbouring cues)."""
    after: list[Mention]
    before: Sequence[Mention]
    inside: list[Mention]
    own: set[str | None]
    """The movers' current teams ("X (Team)", "Team's X"): never their destination."""
    origin: set[str]
    to: dict[str, float] = field(default_factory=dict)

    def role(self, team: Mention) -> str | None:
        return self.roles[id(team)]

    def words_between(self, start: int, end: int) -> int:
        return len(WORD.findall(self.story.low, start, end))

    def cue_starts(self, prefixes: tuple[str, ...]) -> bool:
        return self.story.low.startswith(prefixes, self.cue.start)

    def add(self, team: Mention, weight: float) -> None:
        if team.entity_id not in self.own:
            self.to[team.entity_id] = max(self.to.get(team.entity_id, 0.0), weight)

    def cue_names_next(self, words: int) -> None:
        # The preposition belongs to the cue ("in het vizier van Movistar", "les couleurs
        # de Soudal"): the team right after is the destination, not an origin.
        after = self.after
        if after and self.words_between(self.cue.end, after[0].start) <= words:
            self.origin.discard(after[0].entity_id)
            self.add(after[0], 2.0)


def read_directions(
    story: Story,
    family: str,
    cue: Hit,
    clause: Span,
    region: Span,
    teams: Sequence[Mention],
    roles: dict[int, str | None],
    movers: Sequence[Mention],
) -> tuple[dict[str, float], set[str]]:
    """Destination candidates (team id -> weight) and origins for one cue."""
    local = mentions_in(teams, region)
    after = [t for t in local if t.start >= cue.end]
    if story.low[cue.start : cue.end] in _VERB_FINAL:
        after = []  # the clause ends here; what follows is another clause's
    reading = _Reading(
        story,
        cue,
        clause,
        roles,
        movers,
        local=local,
        after=after,
        # by bisection, not a scan per cue, and a view, not a copy: linear in a clause
        # of thousands of teams and thousands of cues
        before=_Prefix(teams, index_ending_by(teams, cue.start) + 1),
        inside=[t for t in within(teams, cue.start, cue.end) if t.end <= cue.end],
        own={affiliation(story.text, m, teams) for m in movers} - {None},
        # a team marked as someone's former one ("(ex-Visma)") is their own origin only
        origin={t.entity_id for t in local if roles[id(t)] == "from" and not former(story.low, t)},
    )
    for team in after:
        if roles[id(team)] == "to":
            reading.add(team, 2.0)
    _READERS[family](reading)
    for team_id in reading.origin:
        reading.to.pop(team_id, None)
    # "Decathlon CMA CGM (ex-Decathlon AG2R)": a team also named without the marker is
    # that team under its new name, not only a former one.
    named = {t.entity_id for t in local if not former(story.low, t)}
    for team in local:
        if former(story.low, team) and team.entity_id not in named:
            reading.to.pop(team.entity_id, None)
    return reading.to, reading.origin


def _arriving(r: _Reading) -> None:
    """A verb of the person's own ("joins", "wechselt"): the team it introduces, else one
    marked as the destination before it, else the team named with the person."""
    if r.cue_starts(_COLOURS):
        r.cue_names_next(1)
    if not r.to:
        _team_after_arrival(r)
    if not r.to:
        for team in r.local:
            if team.end <= r.cue.start and r.role(team) == "to":
                r.add(team, 1.5)
    if not r.to and r.movers:
        # "Tudor and Hirschi have agreed a three-year deal": the team signs with them.
        for team in r.before:
            if _AND_GAP.fullmatch(r.story.low, team.end, r.movers[-1].start):
                r.add(team, 1.5)


def _team_after_arrival(r: _Reading) -> None:
    """The first team after the verb that is nobody's own and not left, when near enough."""
    free = [
        t
        for t in r.after
        if r.role(t) != "from" and t.entity_id not in r.own and id(t) not in r.story.owned
    ]
    if not free:
        return
    gap = r.words_between(r.cue.end, free[0].start)
    # "join Cavendish at Astana" (the team introduced), not "joined Pedersen, and
    # Visma had to chase" (a new subject).
    between = bool(mentions_in(r.story.people, Span(r.cue.end, free[0].start, 0, False)))
    introduced = r.role(free[0]) in ("to", "aff")
    if gap <= MAX_GAP_WORDS and (introduced or not between):
        r.add(free[0], 2.0 if gap <= 3 else 1.5)


def _courted(r: _Reading) -> None:
    """ "in het vizier van Movistar", "in talks with Bora": the team right after."""
    r.cue_names_next(2)


def _departing(r: _Reading) -> None:
    """A leaving verb: the team right after it is left (or, in a swap, the second one is
    joined); when both sides part, the team may come first."""
    if not r.after:
        if r.cue_starts(_MUTUAL_DEPART):  # "Pidcock and Ineos part ways"
            r.origin.update(t.entity_id for t in r.before if r.role(t) != "to")
        return
    # "leaves Lidl-Trek": the team right after; not "leaving Politt (UAE) behind".
    left = r.after[0]
    if (
        (r.role(left) != "to" or _OWN_POST.match(r.story.low, r.cue.end, left.start))
        and id(left) not in r.story.owned
        and r.words_between(r.cue.end, left.start) <= 4
    ):
        _leaves(r, left)


def _leaves(r: _Reading, left: Mention) -> None:
    """The team after a leaving verb is left; after a swap verb, the next team is joined."""
    target = _swapped_to(r.story, left, r.after) if r.cue_starts(_SWAP_VERBS) else None
    if target is not None and target.entity_id != left.entity_id:
        r.add(target, 2.0)
        r.origin.discard(target.entity_id)  # "pour celui de B": not "from B"
        r.origin.add(left.entity_id)
    elif not r.cue_starts(_SWAP_NEEDS_BOTH):
        r.origin.add(left.entity_id)


def _acquiring(r: _Reading) -> None:
    """A team verb ("Astana sign X"): the subject team is the destination, or "the team"
    when the story is about one."""
    # the nearest such team, walked back to: not every team before the verb, per verb
    subject = next(
        (t for t in reversed(r.before) if r.role(t) != "from" and id(t) not in r.story.owned),
        None,
    )
    # "X is followed to the German team by Y": the verb names where Y goes.
    named = [t for t in r.inside if r.role(t) == "to"]
    if named:
        r.add(named[0], 2.0)
    elif subject is not None:
        r.add(subject, 2.0)
    elif _GENERIC_TEAM.search(r.story.low, r.clause.start, r.cue.start):
        # "Movistar has been busy too. It has signed X": the team the sentence before
        # named, told across sentences; else the team the story is about
        team = carried_team(r.story, r.clause.sentence) or r.story.focus_team
        if team:
            r.to[team] = 1.0


def _losing(r: _Reading) -> None:
    """ "Ineos lost X to Y": the subject team is left, the next one is joined."""
    subject = r.before or r.inside
    if subject:
        r.origin.add(subject[-1].entity_id)
    for team in r.after:
        if r.role(team) in ("to", None):
            r.add(team, 2.0)
            break


def _noun_arriving(r: _Reading) -> None:
    """ "X's move to Astana", "the arrival of X at ...": the team the noun introduces."""
    low, cue = r.story.low, r.cue
    # "move", "arrivo" also name a race's moves and finishes: they need "to"/"at".
    loose = low[cue.start : cue.end] not in _RACE_NOUNS
    for team in r.after:
        # "move to Astana", "arrival at Vinokourov's team"; not any team later on.
        gap = r.words_between(cue.end, team.start)
        if gap > 4:
            break  # the gap only grows: counting on to every later team is quadratic
        role = r.role(team)
        if (role in ("to", "aff") and gap <= 4) or (loose and role is None and gap <= 2):
            r.add(team, 1.5)
            break
    if loose and not r.to and r.before and r.role(r.before[-1]) != "from":
        r.add(r.before[-1], 1.0)
    if not r.to and _headline_team_focus(r.story) and low[cue.end - 1 : cue.end] == "s":
        r.to[r.story.focus_team] = 1.0  # plural "arrivals", "signings": the team's intake


def _headline_team_focus(story: Story) -> bool:
    """A story about one team's intake names it in its headline; a round-up's "the five
    biggest transfers" belongs to no team, however often one is named."""
    focus = story.focus_team
    return focus is not None and any(
        t.entity_id == focus for t in within(story.teams, 0, story.title_end)
    )


def _noun_departing(r: _Reading) -> None:
    """ "Visma confirmed the departure of X": the team before the noun is left."""
    if r.before and r.role(r.before[-1]) != "to":
        r.origin.add(r.before[-1].entity_id)


_READERS: dict[str, Callable[[_Reading], None]] = {
    "arrive": _arriving,
    "courted": _courted,
    "depart": _departing,
    "acquire": _acquiring,
    "lose": _losing,
    "noun_arrive": _noun_arriving,
    "noun_depart": _noun_departing,
}
