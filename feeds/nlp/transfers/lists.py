"""Lists of moves: one arrival or departure word for many people.

- "the newcomers Reichenbach (Groupama-FDJ), Pellaud (Trek-Segafredo) and Suter", "quatre
  recrues : Bissegger (EF Education-EasyPost), ...", "Os outros reforços são Sivakov,
  Politt e Del Toro": people named after a plural arrival noun (lexicon concept
  `newcomers`), or with a team in brackets in a sentence that says they arrive, join the
  team the list is about; a team in brackets is where they come from. A group of arrivals
  for no one team ("arriveranno sette neoprofessionisti. Tra loro: A (Arkea), B (Astana)")
  is each going to the team in brackets.
- "Big departures: Cavendish (retires), Lutsenko (Israel-Premier Tech)": after a departure
  noun and a colon, the team in brackets is where each person goes.
- "welke versterkingen X aan de ploeg toevoegt: A (T1), B (T2)": the list opens at the
  colon, and the team noun means the team named last before the sentence
  (`list_teams.noun_team`).

The clause rules read one verb at a time and miss these. The team the list is about, and
where each item comes from, are `list_teams`'. Punctuation and the lexicons' cue concepts
carry the shape in every language.
"""

from __future__ import annotations

from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.transfers.list_items import list_items
from feeds.nlp.transfers.list_relatives import relative_keeps
from feeds.nlp.transfers.list_teams import (
    bracketed_arrival,
    bracketed_starts,
    bracketed_teams,
    from_marker,
    held_brackets,
    list_team,
    marked_starts,
    noun_team,
)
from feeds.nlp.transfers.names import longest_list
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.seasons import clause_season
from feeds.nlp.transfers.signing_cues import placed_behind
from feeds.nlp.transfers.story import ARRIVAL_FAMILIES, Evidence, Story
from feeds.nlp.transfers.text import Span, mentions_in, within

DEPARTURES = ("depart", "noun_depart", "lose")
LIST_MIN = 3
"""Names in a row that make a list of a group announced the sentence before."""


def listed_moves(
    story: Story,
    spans: Sequence[Span],
    languages: tuple[str, ...] | None,
    read: frozenset[int] = frozenset(),
) -> None:
    """Evidence for every person in a list of arrivals or departures; the sentences in
    `read` are a team's round-up already read (`groups`)."""
    announced: Span | None = None  # "... announced seven newcomers." with no name after it
    for span in spans:
        before, announced = announced, _announces_newcomers(story, span)
        if span.sentence in read:
            continue
        if within(story.hits.get("race", []), span.start, span.end):
            continue  # "Van der Poel (Alpecin-Deceuninck) arrived alone": a result
        people = mentions_in(story.people, span)
        if not people:
            continue
        teams = mentions_in(story.teams, span)
        brackets = bracketed_teams(story, people, teams, languages)
        if placed_behind(story, [p for p in people if p.entity_id in brackets], languages):
            continue  # "por delante de A (T1) y B (T2)": a result's placings
        if _departure_list(story, span, people, brackets, spans):
            continue
        if not brackets and _departure_colon_list(story, span, people, spans):
            continue
        if before is not None and _announced_list(story, before, span, people, teams, spans):
            continue
        _arrival_list(story, span, people, teams, brackets, spans, languages)


def _announces_newcomers(story: Story, span: Span) -> Span | None:
    """The sentence names a group of arrivals ("seven newcomers") and nobody after it."""
    nouns = within(story.hits.get("newcomers", []), span.start, span.end)
    if not nouns or any(nouns[0].end <= p.start < span.end for p in story.people):
        return None
    return span


def _announced_list(
    story: Story,
    announcing: Span,
    span: Span,
    people: Sequence[Mention],
    teams: Sequence[Mention],
    spans: Sequence[Span],
) -> bool:
    """ "Tudor announced seven newcomers. With Trentin, Dainese, Storer and Krieger
    (Alpecin-Deceuninck) ...": the list of names in the next sentence is the group."""
    listed = longest_list(story, people)
    if len(listed) < LIST_MIN:
        return False
    inside = {t.start for t in teams if any(p.end <= t.start for p in listed)}
    free = {t.entity_id for t in teams if t.start not in inside}
    # the team the announcement is about: named in it, or in the sentence that opens it
    for before in (announcing, spans[max(0, announcing.sentence - 1)]):
        named = {t.entity_id for t in mentions_in(story.teams, before)}
        if named:
            free |= named
            break
    destination = list_team(story, spans, announcing, free)
    brackets = bracketed_teams(story, people, teams)
    if destination is None or (not free and destination in _origin_ids(brackets)):
        # no team of its own: the focus team of a story that names only the items' teams
        return _bracketed_destinations(story, span, listed, brackets, free)
    for person in listed:
        origin = brackets.get(person.entity_id)
        if origin is None or origin.entity_id != destination:
            _add(story, span, person.entity_id, destination, origin)
    return True


def _bracketed_destinations(
    story: Story,
    span: Span,
    listed: Sequence[Mention],
    brackets: dict[str, Mention],
    free: set[str],
) -> bool:
    """ "A rimpolpare il World Tour arriveranno sette neoprofessionisti. Tra loro: A
    (Arkea), B (Astana) e C (Alpecin)": a group of arrivals for no one team, each name
    with a team in brackets, is each going to that team (the roster still refuses a
    person's own team at publication)."""
    if free or not all(p.entity_id in brackets for p in listed):
        return False
    for person in listed:
        ev = Evidence(person.entity_id, "noun_arrive", span.sentence, span.title, False)
        ev.to = {brackets[person.entity_id].entity_id: 1.0}
        ev.listed = True
        story.evidence.append(ev)
    return True


def _arrival_list(
    story: Story,
    span: Span,
    people: Sequence[Mention],
    teams: Sequence[Mention],
    brackets: dict[str, Mention],
    spans: Sequence[Span],
    languages: tuple[str, ...] | None,
) -> None:
    opens, closes, by_noun = _list_start(story, span)
    listed = [p for p in people if opens is not None and opens < p.start < closes]
    listed = list_items(story, span, opens, listed, by_noun) if listed else []
    if not listed:
        # "Mads Pedersen (Lidl-Trek) joined Van Aert": one name with its team is race prose
        if len(brackets) < 2 or not _has(story.hits, ARRIVAL_FAMILIES, span):
            return
        listed = [p for p in people if p.entity_id in brackets]
        if bracketed_arrival(story, span):
            # "A (headed to Ineos), B (Jayco AlUla) and C (Movistar) have secured moves":
            # the brackets say where each goes, not where each comes from; but not a
            # bracket naming where its person is ("B (Ineos Grenadiers until 2025)")
            held = held_brackets(story, span, brackets, languages)
            going = {p: t for p, t in brackets.items() if p not in held}
            listed = [p for p in listed if p.entity_id in going]
            _bracketed_destinations(story, span, listed, going, set())
            return
    origins = bracketed_starts(story.low, teams) | {t.start for t in brackets.values()}
    origins |= marked_starts(story.low, teams, from_marker())
    free = {t.entity_id for t in teams if t.start not in origins}
    destination = list_team(story, spans, span, free)
    if destination is None and not free and opens is not None:
        # "which reinforcements ... will add to the team: A (T1), B (T2)": a team noun
        # for the team named last before the sentence (`noun_team`)
        destination = noun_team(story, spans, span, opens)
    if destination is None or (not free and destination in _origin_ids(brackets)):
        return  # the team one item comes from is not where the list goes
    for person in listed:
        if _departure_between(story, opens if opens is not None else span.start, person.start):
            continue  # "the newcomers replace X, who leaves": X is not one of them
        origin = brackets.get(person.entity_id)
        if origin is not None and origin.entity_id == destination:
            continue
        _add(story, span, person.entity_id, destination, origin)


def _origin_ids(brackets: dict[str, Mention]) -> set[str]:
    return {team.entity_id for team in brackets.values()}


def _list_start(story: Story, span: Span) -> tuple[int | None, int, bool]:
    """Where a list of arrivals begins and ends, and whether a noun opens it: after a
    plural arrival noun ("the newcomers"), or after the colon that follows an arrival word
    ("two riders will join the team:")."""
    nouns = within(story.hits.get("newcomers", []), span.start, span.end)
    if nouns:
        return *_noun_list_start(story, span, nouns[0].end), True
    if span.title:
        return None, span.end, False  # a headline's colon closes its topic ("Volta ao Algarve:")
    for hit in within(story.hits.get("move", []), span.start, span.end):
        if hit.family in ARRIVAL_FAMILIES:
            colon = story.low.find(":", hit.end, span.end)
            if colon >= 0 and relative_keeps(story, hit, colon):
                return (
                    None,
                    span.end,
                    False,
                )  # "they join four riders who had already renewed: A, B"
            if colon >= 0:
                return colon, span.end, False
    return None, span.end, False


def _noun_list_start(story: Story, span: Span, noun_end: int) -> tuple[int, int]:
    """Where the names a group noun announces begin and end: right after the noun, or,
    when a colon closes the noun's clause and people are named before it, after the colon
    ("which reinforcements the CEO and his men will add to the team: A (T1), B (T2)":
    the CEO is no newcomer), when two people or more are named after it. Two names or
    more right after the noun are its own ("the newcomers A and B, next to the riders who stay: C,
    D"), and so are names before a departure word ("the newcomers A and B; the team
    loses: C, D"): then the list ends at the colon."""
    colon = story.low.find(":", noun_end, span.end)
    named = within(story.people, noun_end, colon) if colon >= 0 else []
    if not named:
        return noun_end, span.end
    # two names or more right after the noun are its own ("the newcomers A and B"); one is
    # the subject of its clause ("which reinforcements Cancellara will add: A, B")
    direct = len(named) >= 2 and not story.low[noun_end : named[0].start].strip(" ,")
    if direct or _departs(story, noun_end, colon):
        return noun_end, colon  # the noun's names, not those after the colon
    if within(story.hits.get("extension", []), noun_end, colon):
        return noun_end, span.end  # "the signings A and B come with the extension of: C and D"
    # two names after the colon make it the list ("aanwinsten ... in A en B: de Belg komt
    # over van T1" names them before it, and after it a description at most)
    if len(within(story.people, colon, span.end)) >= 2:
        return colon, span.end
    return noun_end, span.end


def _departs(story: Story, start: int, end: int) -> bool:
    """A departure word between `start` and `end` ("loses", "leave", "vertrekt")."""
    moves = within(story.hits.get("move", []), start, end)
    return _departure_between(story, start, end) or any(h.family in DEPARTURES for h in moves)


def _departure_list(
    story: Story,
    span: Span,
    people: Sequence[Mention],
    brackets: dict[str, Mention],
    spans: Sequence[Span],
) -> bool:
    """ "Big departures: A (Team X), B (retires)": each bracketed team is a destination,
    the team the list is about the origin. True when the sentence is such a list."""
    nouns = within(story.hits.get("noun_depart", []), span.start, span.end)
    if not brackets:
        return False
    colon = story.low.find(":", nouns[0].end, span.end) if nouns else -1
    # Else "Zudem verlassen mit Porte (Rücktritt), Yates (UAE) und Carapaz (EF) drei
    # Rundfahrer das Team": a departure verb and a list of people with their teams.
    listed = colon >= 0 and not any(p.start < colon for p in people)
    if not listed and not _departure_verb_list(story, span, brackets):
        return False
    origin = list_team(story, spans, span, set())
    if origin is None:
        return True
    for person in people:
        goes_to = brackets.get(person.entity_id)
        if goes_to is not None and goes_to.entity_id != origin:
            ev = Evidence(person.entity_id, "noun_depart", span.sentence, span.title, False)
            ev.to = {goes_to.entity_id: 1.0}
            ev.origin = {origin}
            ev.left = ev.listed = True
            story.evidence.append(ev)
    return True


def _departure_colon_list(
    story: Story, span: Span, people: Sequence[Mention], spans: Sequence[Span]
) -> bool:
    """ "flere af dem forlader holdet efter sæsonen: A, B, C og D er ude": a departure
    cue, a colon, then a list of two people or more and no arrival word: each leaves the
    team named before the colon (else the team the list is about). The season comes from
    the sentence: undated, it is no news of a move (`decide._rider_exit`)."""
    if span.title:
        return False  # a headline's colon closes its topic
    cue = next(
        (
            h
            for h in within(story.hits.get("move", []), span.start, span.end)
            if h.family in DEPARTURES
        ),
        None,
    )
    if cue is None:
        return False
    colon = story.low.find(":", cue.end, span.end)
    if colon < 0 or any(cue.end <= p.start < colon for p in people):
        return False
    listed = longest_list(story, [p for p in people if p.start > colon])
    if len(listed) < 2 or story.low[colon + 1 : listed[0].start].strip():
        return False  # the names open the list right after the colon
    if _has(story.hits, ARRIVAL_FAMILIES, Span(colon, listed[-1].end, span.sentence, False)):
        return False
    named = {t.entity_id for t in story.teams if cue.end <= t.start < colon}
    origin = list_team(story, spans, span, named)
    season = clause_season(story, span)
    for person in listed:
        ev = Evidence(person.entity_id, "depart", span.sentence, span.title, False)
        ev.origin = {origin} if origin else set()
        ev.left = ev.listed = True
        ev.season = season
        story.evidence.append(ev)
    return True


def _departure_verb_list(story: Story, span: Span, brackets: dict[str, Mention]) -> bool:
    """A sentence whose only move verb is a departure, with two people or more each
    followed by a team in brackets: the brackets say where each goes."""
    moves = within(story.hits.get("move", []), span.start, span.end)
    if not moves or any(h.family not in DEPARTURES for h in moves):
        return False
    # one list of names ("A (X), B (Y) und C (Z)"), not two people of a race report's
    # sentence ("Tratnik (Visma) won after leaving Politt (UAE)")
    listed = longest_list(story, [p for p in story.people if p.entity_id in brackets])
    return len([p for p in listed if span.start <= p.start < span.end]) >= 2


def _add(
    story: Story, span: Span, person_id: str, destination: str, origin: Mention | None
) -> None:
    ev = Evidence(person_id, "noun_arrive", span.sentence, span.title, False)
    ev.to = {destination: 1.0}
    if origin is not None:
        ev.origin = {origin.entity_id}
        ev.left = True
    ev.listed = True
    story.evidence.append(ev)


def _has(hits: dict[str, list[Hit]], families: frozenset[str], span: Span) -> bool:
    return any(h.family in families for h in within(hits.get("move", []), span.start, span.end))


def _departure_between(story: Story, start: int, end: int) -> bool:
    return any(within(story.hits.get(family, []), start, end) for family in DEPARTURES)
