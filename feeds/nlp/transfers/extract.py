"""The entry point: clean the tagger's mentions, read the story clause by clause, hand
unnamed movers out and decide the moves.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from feeds.models import Mention, Move
from feeds.nlp.document import Document
from feeds.nlp.transfers.alternatives import drop_alternatives
from feeds.nlp.transfers.arrows import arrow_moves
from feeds.nlp.transfers.clause import clause_evidence
from feeds.nlp.transfers.contract_ends import contract_ended
from feeds.nlp.transfers.copular import copular_moves
from feeds.nlp.transfers.deals import deal_moves
from feeds.nlp.transfers.decide import decide
from feeds.nlp.transfers.descriptions import described_destinations
from feeds.nlp.transfers.following import following_moves
from feeds.nlp.transfers.groups import group_moves
from feeds.nlp.transfers.language import scan_languages
from feeds.nlp.transfers.likewise import likewise_moves
from feeds.nlp.transfers.list_runs import list_run_moves, not_kept_moves
from feeds.nlp.transfers.lists import listed_moves
from feeds.nlp.transfers.no_longer import no_longer_moves
from feeds.nlp.transfers.prefilter import may_report_move
from feeds.nlp.transfers.respectively import respective_moves
from feeds.nlp.transfers.roles import RETIRED, appointed, owned_teams
from feeds.nlp.transfers.rule_phrases import rule_phrases
from feeds.nlp.transfers.scan import scan_cues
from feeds.nlp.transfers.staff_roles import staff_role_moves
from feeds.nlp.transfers.story import PERSON_KINDS, Story
from feeds.nlp.transfers.story_kind import departures, headline_move
from feeds.nlp.transfers.story_reader import story_moves
from feeds.nlp.transfers.teamless import teamless_riders
from feeds.nlp.transfers.text import Placed, Span, split_clauses, split_sentences
from feeds.nlp.transfers.unknown_people import (
    clear_movers,
    find_unknown,
    is_unknown,
    other_sport,
    overlay,
)
from feeds.nlp.transfers.unnamed import resolve_pending
from feeds.nlp.transfers.unread import mark_unread_destinations
from feeds.nlp.transfers.vetoes import stayed_teams
from feeds.nlp.transfers.weak_cues import promote_weak_cues
from feeds.roster import Roster

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Reading:
    """A story read clause by clause: what the rules and the scorer decide from."""

    story: Story
    spans: list[Span]
    languages: tuple[str, ...] | None


def read_story(
    text: str,
    mentions: Sequence[Mention],
    roster: Roster,
    published: date | None,
    language: str | None = None,
) -> Reading | None:
    """The story's evidence, or None when it names no person."""
    return read_document(Document.from_text(text, published, language), mentions, roster)


def read_document(doc: Document, mentions: Sequence[Mention], roster: Roster) -> Reading | None:
    """`read_story` for a story already built as a `Document`."""
    text, low, published = doc.text, doc.low, doc.published
    people, teams = _clean_mentions(text, mentions, roster)
    spans = split_sentences(text)
    retired = _retired(text, mentions, roster)
    if retired:
        people = Placed(sorted([*people, *appointed(low, spans, retired)], key=_position))
    if not people:
        return None
    languages = scan_languages(doc.language, low)
    hits = scan_cues(low, languages)
    promote_weak_cues(hits, low, spans, people, teams)
    story = Story(
        text=text,
        low=low,
        roster=roster,
        published=published,
        people=people,
        teams=teams,
        hits=hits,
        # where the rules' lexicon phrases may match: one walk, not one search per rule
        phrases=rule_phrases().scan(low),
        focus_team=_focus_team(teams, spans[0].end),
        title_question="?" in text[: spans[0].end],
        title_end=spans[0].end,
        sentence_starts=[s.start for s in spans],
        languages=languages,
    )
    story.owned = owned_teams(text, people, teams)
    for sentence in spans:
        for clause in split_clauses(text, sentence):
            clause_evidence(story, clause)
    listed_moves(story, spans, languages, group_moves(story, spans, languages))
    list_run_moves(story, spans)
    copular_moves(story, spans)
    likewise_moves(story, spans, languages)
    arrow_moves(story, spans)
    respective_moves(story, spans)
    deal_moves(story, spans)
    story.stays = stayed_teams(story, spans)
    resolve_pending(story, spans)
    mark_unread_destinations(story, spans)
    described_destinations(story, spans)
    following_moves(story, spans)
    staff_role_moves(story, spans)
    not_kept_moves(story, spans)
    teamless_riders(story, spans)
    contract_ended(story, spans)
    no_longer_moves(story, spans)
    drop_alternatives(story, spans)
    return Reading(story, spans, languages)


def _extract(
    text: str,
    mentions: Sequence[Mention],
    roster: Roster,
    published: date | None,
    language: str | None = None,
) -> tuple[bool, list[Move]]:
    """`extract_transfers` without its guard, so that tests see what fails."""
    return _extract_document(Document.from_text(text, published, language), mentions, roster)


def _extract_document(
    doc: Document,
    mentions: Sequence[Mention],
    roster: Roster,
    reads_cycling: Callable[[], bool] | None = None,
    unknown_people: bool = False,
) -> tuple[bool, list[Move]]:
    transfer, moves, _ = _read_moves(doc, mentions, roster)
    if not unknown_people:
        return transfer, moves
    # People the roster does not know: a second reading with them added, of which only
    # their clear moves are kept (the roster's people keep the first reading's).
    try:
        theirs = _unknown_moves(doc, mentions, roster)
    except Exception:  # a failure here must not cost the roster's moves
        log.exception("reading unknown people failed")
        theirs = []
    if theirs and other_sport(doc.low) and not (reads_cycling is not None and reads_cycling()):
        # a story of another sport in a feed declared cycling ("Formula 1", a footballer
        # signed as a sponsor's ambassador): a roster rider carries his own evidence,
        # a person the roster does not know has none
        theirs = []
    if theirs:
        return True, [*moves, *theirs]
    return transfer, moves


def _unknown_may_report(doc: Document, mentions: Sequence[Mention], roster: Roster) -> bool:
    """The prefilter once more with the people the roster does not know, for a story that
    names no roster person (a continental team's new riders): it must still have a cue."""
    if any(isinstance(m, Mention) and m.kind in PERSON_KINDS for m in mentions):
        return False  # the prefilter had people to go by: its answer stands
    try:
        unknown = find_unknown(doc, mentions, roster)
    except Exception:  # as in `_extract_document`: never costs the story more
        log.exception("reading unknown people failed")
        return False
    extra = [m for person in unknown for m in person.mentions]
    return bool(extra) and may_report_move(doc.text, [*mentions, *extra], doc.low)


def _unknown_moves(doc: Document, mentions: Sequence[Mention], roster: Roster) -> list[Move]:
    """Moves of people the roster does not know, each the mover of a clear shape."""
    unknown = find_unknown(doc, mentions, roster)
    if not unknown:
        return []
    extra = [m for person in unknown for m in person.mentions]
    both = sorted([*mentions, *extra], key=_position)
    _, moves, reading = _read_moves(doc, both, overlay(roster, unknown))
    if reading is None:
        return []
    theirs = (m for m in moves if is_unknown(m.person_id))
    return clear_movers(reading.story, theirs, reading.languages)


def _read_moves(
    doc: Document, mentions: Sequence[Mention], roster: Roster
) -> tuple[bool, list[Move], Reading | None]:
    reading = read_document(doc, mentions, roster)
    if reading is None:
        return False, [], None
    story, spans = reading.story, reading.spans
    moves = decide(story, spans)
    # the story's shape, for people the clause rules gave no move (never changes theirs)
    moves += story_moves(story, spans, reading.languages, moves)
    transfer = bool(moves) or departures(story) or headline_move(story) or story.untagged_move
    return transfer, moves, reading


def extract_transfers(
    text: str,
    mentions: Sequence[Mention],
    roster: Roster,
    published: date | None,
    language: str | None = None,
) -> tuple[bool, list[Move]]:
    """Is the story about a move between teams, and which moves does it report?

    `text` is title + "\\n\\n" + body; `mentions` are the tagger's entity occurrences
    (offsets into `text`); `language` is the feed's declared language ("pt", "nl-BE"),
    None to tell it from the text. Never raises: a failure is logged and reads as "no
    transfer".
    """
    return document_transfers(Document.from_text(text or "", published, language), mentions, roster)


def document_transfers(
    doc: Document,
    mentions: Sequence[Mention],
    roster: Roster,
    reads_cycling: Callable[[], bool] | None = None,
    *,
    unknown_people: bool = False,
) -> tuple[bool, list[Move]]:
    """`extract_transfers` for a story already built as a `Document` (what `Tagger.tag`
    hands it). `reads_cycling` tells, when asked, whether the story itself reads as
    cycling (the tagger's context rule): asked only for a story that names another sport
    and gives moves to people the roster does not know. `unknown_people`: read those
    people at all (`Tagger`'s option). Never raises."""
    try:
        if not may_report_move(doc.text, mentions or (), doc.low) and not (
            unknown_people and _unknown_may_report(doc, mentions or (), roster)
        ):  # most stories: no cue
            return False, []
        return _extract_document(doc, mentions or (), roster, reads_cycling, unknown_people)
    except Exception:  # one odd story must not stop ingestion
        log.exception("transfer extraction failed")
        return False, []


def _clean_mentions(
    text: str, mentions: Sequence[Mention], roster: Roster
) -> tuple[list[Mention], list[Mention]]:
    people, teams = [], []
    for m in mentions:
        if not isinstance(m, Mention) or not (0 <= m.start < m.end <= len(text)):
            continue
        if m.kind == "team" and m.entity_id in roster.teams:
            teams.append(m)
        elif m.kind in PERSON_KINDS and m.entity_id in roster.people:
            people.append(m)
    people.sort(key=_position)
    teams.sort(key=_position)
    # The rules ask `within` for the mentions of each clause and cue many times a story:
    # placed, it bisects their starts directly.
    return Placed(people), Placed(teams)


def _retired(text: str, mentions: Sequence[Mention], roster: Roster) -> list[Mention]:
    """Riders the tagger read as retired at publication: staff, if a sentence appoints them."""
    return [
        m
        for m in mentions
        if isinstance(m, Mention)
        and m.kind == RETIRED
        and 0 <= m.start < m.end <= len(text)
        and m.entity_id in roster.people
    ]


def _position(m: Mention) -> tuple[int, int]:
    return (m.start, m.end)


def _focus_team(teams: Sequence[Mention], title_end: int) -> str | None:
    """The team the story is about: named most, a headline mention counting three times."""
    counts: dict[str, float] = defaultdict(float)
    for team in teams:
        counts[team.entity_id] += 3.0 if team.start < title_end else 1.0
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -min(t.start for t in teams if t.entity_id == k)))
