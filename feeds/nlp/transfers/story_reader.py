"""A story-level reader: the shape of a signing story, read where the clause rules gave
a person no move.

The clause rules read wording; a new article's verbs often miss them. A signing story
has a shape that holds whatever its verbs:

- its headline names one person and one team, and the headline or the lede says a
  signing (`signing_cues`: a cue, or a stem such as "contrat", "fich", "verpflicht");
- a sentence lists people each with their old team in brackets and says a signing, in a
  story whose destination is clear (`story_lists`).
- a sentence in which one team, naming nobody, says a signing, and the next sentence
  names one person and no team to go to (`carried_signings`: "Cofidis has confirmed its
  third signing. The 24-year-old X comes over from Y.").

Each adds a move only for a person the rules gave none, and never changes a rule's move
(docs/TRANSFERS.md, "A story-level reader").
"""

from __future__ import annotations

from collections.abc import Sequence

from feeds.models import Mention, Move
from feeds.nlp.transfers.carried_signings import carried_signings
from feeds.nlp.transfers.described_teams import head_of
from feeds.nlp.transfers.move_records import build_move
from feeds.nlp.transfers.signing_cues import (
    MOVE_VERBS,
    OTHER_NEWS,
    after_from_word,
    after_without_word,
    negated,
    says_signing,
    takes_person,
    tells_other_news,
)
from feeds.nlp.transfers.stage import move_stage
from feeds.nlp.transfers.status import sentence_status
from feeds.nlp.transfers.story import PERSON_KINDS, Story
from feeds.nlp.transfers.story_kind import roster_team
from feeds.nlp.transfers.story_lists import listed_arrivals
from feeds.nlp.transfers.text import Span, within

LEDE_OTHER_NEWS = ("dispute", "extension")
"""A lede that denies the move or tells an extension ("has signed a new contract with")."""


def story_moves(
    story: Story,
    spans: Sequence[Span],
    languages: tuple[str, ...] | None,
    moves: Sequence[Move],
) -> list[Move]:
    """Moves the story's shape gives to people the clause rules gave none."""
    if not spans:
        return []
    moved = {m.person_id for m in moves}
    found: list[Move] = []
    signing = headline_signing(story, spans, languages, moved)
    if signing is not None:
        found.append(signing)
        moved.add(signing.person_id)
    found += listed_arrivals(story, spans, languages, moved)
    found += carried_signings(story, spans, languages, moved)
    return found


def headline_signing(
    story: Story, spans: Sequence[Span], languages: tuple[str, ...] | None, moved: set[str]
) -> Move | None:
    """ "Movistar incorpora al joven escalador X": the headline names one person and one
    team, the headline or the lede says a signing; the person goes to that team."""
    title_end = story.title_end
    lede = spans[1] if len(spans) > 1 else spans[0]
    people = {p.entity_id for p in within(story.people, 0, title_end)}
    team_mentions = within(story.teams, 0, title_end)
    if not team_mentions and _lede_says_move(story, lede, languages, people):
        # "X signs for two years": the team is the lede's, when the lede says the signing
        team_mentions = within(story.teams, lede.start, lede.end)
    if len(people) != 1 or len({t.entity_id for t in team_mentions}) != 1:
        return None
    (person_id,), team_id = people, team_mentions[0].entity_id
    person = story.roster.people.get(person_id)
    if person_id in moved or person is None or person.kind not in PERSON_KINDS:
        return None
    if team_id in (
        roster_team(person, story.published),
        head_of(story.roster, person_id, story.published),
    ):
        return None  # already their team (an extension, other news) or the team they run
    if any(id(t) in story.owned or after_from_word(story, t.start) for t in team_mentions):
        return None  # "Alpecin's X", "X leaves Alpecin": the team is not where X goes
    if any(after_without_word(story, p.start) for p in within(story.people, 0, title_end)):
        return None  # "Cofidis completes its squad without X"
    if _person_takes(story, within(story.people, 0, title_end), team_mentions, title_end):
        return None  # "X henter tid på T": X is the subject of a verb whose subject is a team
    if (
        tells_other_news(story, 0, title_end, OTHER_NEWS)
        or tells_other_news(story, lede.start, lede.end, LEDE_OTHER_NEWS)
        or negated(story, 0, title_end)
        or not (
            says_signing(story, 0, lede.end, languages)
            or takes_person(story, 0, lede.end, languages, {person_id})
        )
    ):
        return None
    read = list(dict.fromkeys((spans[0], lede)))
    hedged = story.title_question or any(sentence_status(story, s) < 0 for s in read)
    status = "rumour" if hedged else "confirmed"
    return build_move(story, person, None, team_id, status, None, move_stage(story, read, status))


def _lede_says_move(
    story: Story, lede: Span, languages: tuple[str, ...] | None, people: set[str]
) -> bool:
    """The lede names no one but the headline's person and says the signing with a verb
    or a stem, not only a move noun ("a transfer")."""
    if {p.entity_id for p in within(story.people, lede.start, lede.end)} - people:
        return False  # "Tudor von Fabian Cancellara meldet die Verpflichtung von A, B": theirs
    if tells_other_news(story, lede.start, lede.end, MOVE_VERBS):
        return True
    return says_signing(story, lede.start, lede.end, languages, families=())


def _person_takes(
    story: Story, people: Sequence[Mention], teams: Sequence[Mention], title_end: int
) -> bool:
    """The headline's acquire verb ("henter", "signing") has the person before it and every
    team after it: the person does it ("henter tid på T", "X signing autographs at T"),
    so the verb does not say that the team takes the person."""
    acquired = within(story.hits.get("acquire", []), 0, title_end)
    if not acquired or tells_other_news(story, 0, title_end, ("arrive",)):
        return False
    verb = acquired[0].start
    return any(p.start < verb for p in people) and all(t.start > verb for t in teams)
