"""A signing told across two sentences, for the story-level reader: "Cofidis has completed
its third signing for next season. The 24-year-old X comes from Y." / "La Cofidis annonce
une nouvelle recrue. X arrive de Y." / "Cofidis hat den dritten Neuzugang vorgestellt.
Der 24-jährige X kommt von Y."

The first sentence names one team, nobody, and says a signing (`signing_cues.says_signing`:
a cue of the arrival families or a signing stem); the next names exactly one person and no
team they could go to (a team in brackets or after a from-word is where they come from),
and says that person is the signing: an arrival or an origin the rules read for them, a
team they come from, or a presenting phrase before the name ("It is X", "Se trata de X",
lexicon concept `presenting_phrases`). A sentence that merely names someone (a comment, a
result, a rival's quote) is not the signing. That person goes to the team.
The carry stops where the thread may break:

- a paragraph break between the two sentences, or either one a quote;
- a departure, denial, extension, retirement or race cue, or a negation, in either;
- a second person in the second sentence, or any person in the first (whose signing it
  may be), or a second team in the first;
- the person already rides for the team at publication, or runs it;
- the headline: the story-level headline reader speaks for it.

Each sentence pair is read once, its mentions found by bisection: linear in the story.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from feeds.models import Move
from feeds.nlp.lexicon import pooled, story_lexicon
from feeds.nlp.transfers.carried_teams import PARAGRAPH, may_be_meant, opens_quote
from feeds.nlp.transfers.described_teams import head_of
from feeds.nlp.transfers.move_records import build_move
from feeds.nlp.transfers.signing_cues import (
    OTHER_NEWS,
    negated,
    says_signing,
    tells_other_news,
)
from feeds.nlp.transfers.stage import move_stage
from feeds.nlp.transfers.status import sentence_status
from feeds.nlp.transfers.story import ARRIVAL_FAMILIES, PERSON_KINDS, Story
from feeds.nlp.transfers.story_kind import roster_team
from feeds.nlp.transfers.text import WORD, Span, within

_OTHER_WORDS = pooled().words("other_words")
TEAM_SIGNINGS = ("acquire", "noun_arrive", "newcomers")
"""Signings a team says of nobody yet: its own verb ("has presented", "verpflichtet") or a
noun ("a new signing", "une recrue"); never a mover's verb ("se serait engagé avec T",
"regressa"), whose subject is a person the sentence names in other words."""


def carried_signings(
    story: Story, spans: Sequence[Span], languages: tuple[str, ...] | None, moved: set[str]
) -> list[Move]:
    """Moves for people the rules gave none, each named alone right after a sentence in
    which one team, naming nobody, says a signing."""
    found: list[Move] = []
    # sentences whose signing the rules gave to someone (a pronoun or a description
    # resolved: "die italienische Meisterin hat beim T unterschrieben")
    read_as_someones = {ev.sentence for ev in story.evidence}
    # people a sentence sends to a place it names in words no team mention covers ("could
    # move to another team", "vender hjem til Norge")
    elsewhere = {
        (ev.sentence, ev.person_id): ev.cue_start for ev in story.evidence if ev.unread == "named"
    }
    # people the rules read as moving in a sentence: an arrival ("X comes over from Y"),
    # an origin ("llega desde el T") or a destination in words ("vender hjem til Norge")
    movers = {
        (ev.sentence, ev.person_id)
        for ev in story.evidence
        if ev.family in ARRIVAL_FAMILIES or ev.origin or ev.unread
    }
    presenting = _presenting_phrases(languages)
    # teams the rules read as where someone comes from ("llega desde el T")
    origins: dict[int, set[str]] = {}
    for ev in story.evidence:
        origins.setdefault(ev.sentence, set()).update(ev.origin)
    for first, second in pairwise(spans[1:]):
        if first.sentence in read_as_someones:
            continue
        team_id = _signing_team(story, first, languages)
        if team_id is None or not _continues(story, first, second, origins.get(second.sentence)):
            continue
        person_id = _lone_person(story, second)
        if person_id is None or person_id in moved:
            continue
        if (
            (second.sentence, person_id) not in movers
            and not _says_origin(story, second)
            and not _presented(story, second, presenting)
        ):
            continue  # nothing says this person is the signing: a comment, a result, a rival
        cue = elsewhere.get((second.sentence, person_id))
        if cue is not None and _other_team(story, cue, second.end):
            continue  # "X could move to another team": somewhere else than the announcer
        person = story.roster.people.get(person_id)
        if person is None or person.kind not in PERSON_KINDS:
            continue
        if team_id in (
            roster_team(person, story.published),
            head_of(story.roster, person_id, story.published),
        ):
            continue  # already their team, or the team they run
        read = [first, second]
        hedged = any(sentence_status(story, s) < 0 for s in read)
        status = "rumour" if hedged else "confirmed"
        stage = move_stage(story, read, status)
        found.append(build_move(story, person, None, team_id, status, None, stage))
        moved.add(person_id)
    return found


def _signing_team(story: Story, span: Span, languages: tuple[str, ...] | None) -> str | None:
    """The one team `span` names, if it names nobody and says a signing, nothing else."""
    if within(story.people, span.start, span.end) or opens_quote(story, span.start, span.end):
        return None
    teams = {t.entity_id for t in within(story.teams, span.start, span.end)}
    if len(teams) != 1 or _other_news(story, span):
        return None
    if not says_signing(story, span.start, span.end, languages, TEAM_SIGNINGS, stems=False):
        return None  # "X se serait engagé avec T": a person's verb, whose subject is someone
    return next(iter(teams))


def _continues(story: Story, first: Span, second: Span, origins: set[str] | None) -> bool:
    """The second sentence goes on with the first's news: the same paragraph, no quote,
    nothing else told, no team of its own to go to (`origins`: the teams the rules read
    as where someone in it comes from)."""
    if PARAGRAPH in story.text[first.end : second.start]:
        return False
    if opens_quote(story, second.start, second.end) or _other_news(story, second):
        return False
    return not any(
        may_be_meant(story, t) and t.entity_id not in (origins or ())
        for t in within(story.teams, second.start, second.end)
    )


def _says_origin(story: Story, span: Span) -> bool:
    """A team in the sentence that is where someone comes from: a bracket after the
    person or a team after a from-word ("X (Lotto)", "von Lotto")."""
    return any(not may_be_meant(story, t) for t in within(story.teams, span.start, span.end))


@cache
def _presenting_phrases(languages: tuple[str, ...] | None) -> frozenset[tuple[str, ...]]:
    """The lexicons' presenting phrases (`presenting_phrases`: "it is", "se trata de",
    "det drejer sig om"), each as its words."""
    return frozenset(
        tuple(_words(p, 0, len(p))) for p in story_lexicon(languages).words("presenting_phrases")
    )


def _presented(story: Story, span: Span, phrases: frozenset[tuple[str, ...]]) -> bool:
    """The sentence opens with a presenting phrase and then the person: "It is X, the
    27-year-old ...", "Se trata de X", "Il s'agit d'X". Nothing else may stand before
    the name ("It is said that X ..." is not read), and the name is not a possessive
    ("It is X's former teammate": someone else, unnamed)."""
    name = min(within(story.people, span.start, span.end), key=lambda p: p.start)
    if story.text[name.end : name.end + 1] in ("'", "\u2019"):
        return False
    return tuple(_words(story.low, span.start, name.start)) in phrases


def _words(text: str, start: int, end: int) -> list[str]:
    """Lower-cased words of `text[start:end]`, one apostrophe for both."""
    return [w.lower().replace("\u2019", "'") for w in WORD.findall(text, start, end)]


def _other_team(story: Story, start: int, end: int) -> bool:
    """An other-word (lexicon concept `other_words`: "another", "otro", "un'altra") in the
    destination the cue names in words: a team other than the one announcing."""
    return any(w in _OTHER_WORDS for w in WORD.findall(story.low, start, end))


def _lone_person(story: Story, span: Span) -> str | None:
    people = {p.entity_id for p in within(story.people, span.start, span.end)}
    return next(iter(people)) if len(people) == 1 else None


def _other_news(story: Story, span: Span) -> bool:
    return tells_other_news(story, span.start, span.end, OTHER_NEWS) or negated(
        story, span.start, span.end
    )
