"""A newcomer named by a copula: "the most prominent signing is X", "der jüngste Neuzugang
von Lidl-Trek ist X", "il nuovo acquisto più esperto è X", "X est la nouvelle recrue de
Visma", "Jasper Stuyven foi a primeira cara nova".

No move verb names these arrivals: a singular noun for one person who arrives (lexicon
concepts `newcomer_nouns`, and `race_newcomer_nouns` for those with a race sense too) and
a copula (`copulas`, `past_copulas`) join it to a person, either way round. Every concept
is read in the story's own languages only (`lexicon.PER_LANGUAGE`): one language's
function word ("er", "was") is never another's copula.

The person arrives at the team the sentence gives the noun (`copular_team`); a newcomer
whose team is not told is not guessed.

What refuses a reading (`copular_refusals` holds the word-level tests):
- the copula is an auxiliary: a participle or a subject pronoun right after it ("has been
  training with X", "wurde von X überholt", "wird er"), or an agent or comitative word
  before the name ("welcomed by X", "trained with X");
- the noun is not the subject: it depends on another noun ("the agent of the new
  signing", "the newcomer's first rival"), or a name stands between it and the copula
  ("New signing A was faster than B": the newcomer is A, never B); a name in the
  possessive ("X's coach") is no newcomer either;
- a wish or a question ("the dream signing would be X", "¿El próximo fichaje será X?",
  "serait-elle X ?"), or a conditional the sentence goes on to deny ("would be X, but he
  has a contract until 2028"); the plain conditional of a report ("X sería nuevo ciclista
  del T") stays a rumour;
- a past copula in a sentence naming an earlier season ("the big signing of 2020 was X"):
  history, not this story's move;
- a race noun followed by a race place (`race_places`: "the reinforcement for the
  chasers", "the new face on the podium") whose phrase names no team or season.

The noun and the copula must stand in one stretch of the sentence with no sentence
punctuation between them and the name, so the everyday reading of the words ("the signing
is expected next week", "his best signing was the new bike") names no one. The plural
nouns ("the newcomers are A, B and C") are `lists.py`'s.
"""

from __future__ import annotations

from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.transfers.copular_patterns import BREAK, GAP, CopularPatterns, copular_patterns
from feeds.nlp.transfers.copular_refusals import (
    SentenceFacts,
    auxiliary_after,
    depends_on_noun,
    names_season,
    possessive,
    race_sense,
    wished,
)
from feeds.nlp.transfers.copular_team import copular_team
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import Span, mentions_in, within

NAME_REACH = 100
"""Characters a person's name may take: where to look back for the name before a copula."""
PERSON_FIRST_WORDS = 2
"""Words at most between the copula and the noun when the name comes first: "X is the new
signing", "X foi a primeira cara nova"; not "X is happy with the new signing"."""


def copular_moves(story: Story, spans: Sequence[Span]) -> None:
    """Evidence for each person a copula makes a newcomer (see the module's docstring)."""
    pats = copular_patterns(story.languages)
    if pats is None or not any(noun in story.low for noun in pats.nouns):
        return  # most stories: a plain search tells
    low = story.low
    for span in spans:
        people = mentions_in(story.people, span)
        if not people:
            continue
        facts = SentenceFacts(story, pats, span)
        for found in pats.noun.finditer(low, span.start, span.end):
            if depends_on_noun(story, pats, span, found.start(), found.end()):
                continue
            if wished(story, pats, span, found.start(), found.end()):
                continue
            if facts.is_question(found.start()):
                continue
            _read(story, spans, span, pats, facts, people, found.start(), found.end())


def _read(
    story: Story,
    spans: Sequence[Span],
    span: Span,
    pats: CopularPatterns,
    facts: SentenceFacts,
    people: Sequence[Mention],
    noun_start: int,
    noun_end: int,
) -> None:
    """One noun: the newcomer it names, either way round, and their team."""
    race = pats.race_noun.fullmatch(story.low, noun_start, noun_end) is not None
    after = _named_after(story, pats, people, noun_end, span.end, race)
    if after is not None:
        person, copula_start, copula_end = after
        phrase = (noun_end, copula_start)  # the noun's own phrase: "the signing of T in 2026"
    else:
        before = _named_before(story, pats, people, noun_start, span.start)
        if before is None:
            return
        person, copula_start, copula_end = before
        phrase = (noun_end, min(span.end, noun_end + GAP))
    copula = story.low[copula_start:copula_end].strip()
    if copula in pats.past and facts.names_earlier_year():
        return  # "the big signing of 2020 was X": history
    if copula in pats.conditional and facts.contrast_after(person.end):
        return  # "the next signing would be X, but he has a contract until 2028": a wish
    team = copular_team(story, spans, span, noun_start, phrase, person, after is not None)
    if (
        race
        and race_sense(story, pats, span, noun_end)
        and not (within(story.teams, *phrase) or names_season(story, *phrase))
    ):
        return  # "the reinforcement for the chasers was X", "la cara nueva del podio fue X"
    if team is None:
        return  # a newcomer, but whose is not said: no team is guessed for them
    ev = Evidence(person.entity_id, "noun_arrive", span.sentence, span.title, False)
    ev.to = {team[0]: 1.0}
    ev.listed = True
    story.evidence.append(ev)


def _named_after(
    story: Story,
    pats: CopularPatterns,
    people: Sequence[Mention],
    start: int,
    end: int,
    race: bool,
) -> tuple[Mention, int, int] | None:
    """ "the most prominent signing [of T] is X": the copula within GAP of the noun, the
    name within GAP of the copula, nothing breaking the stretch. The person, and where the
    copula starts and ends."""
    low = story.low
    copula = pats.copula.search(low, start, min(end, start + GAP))
    if copula is None or BREAK.search(low, start, copula.start()):
        return None
    between = within(people, start, copula.start())
    if between:
        # "New signing A was faster than B": the newcomer is A, named right after the
        # noun, never B; a name further on makes the noun someone else's ("the signing
        # that A wanted is")
        # (a race noun's apposition is a race report's "newcomer X was third")
        apposed = between[0]
        if race or low[start : apposed.start].strip() or apposed.end > copula.start():
            return None
        return apposed, copula.start(), copula.end()
    near = within(people, copula.end(), copula.end() + GAP + 1)
    if not near:
        return None
    person = near[0]
    gap = (copula.end(), person.start)
    if BREAK.search(low, *gap) or pats.to_word.search(low, *gap):
        return None  # "the new signing is expected to help X", "un soutien pour X"
    if pats.negation.search(low, *gap) or pats.refusal.search(low, *gap):
        return None  # "is not X"; "was welcomed by X", "trained with X"
    if auxiliary_after(story, pats, *gap) or possessive(story, person):
        return None  # "has been training with X", "wird er"; "X's coach"
    named = within(story.teams, max(0, copula.start() - GAP), copula.start())
    if any(t.end > copula.start() for t in named):
        return None  # the copula word inside a team's name
    return person, copula.start(), copula.end()


def _named_before(
    story: Story, pats: CopularPatterns, people: Sequence[Mention], noun_start: int, span_start: int
) -> tuple[Mention, int, int] | None:
    """ "X is the new signing [of T]": the name right before the copula, the noun within
    GAP after it. Only the sentence's last person before the noun is read."""
    low = story.low
    # only the last person can stand right before the copula: look back no further than
    # a name and the gap (not every earlier name, noun after noun)
    before = within(people, max(span_start, noun_start - GAP - NAME_REACH), noun_start)
    if not before or before[-1].end > noun_start:
        return None
    person = before[-1]
    copula = pats.copula_end.match(low, person.end)
    if copula is None or noun_start - copula.end() > GAP:
        return None
    gap = low[copula.end() : noun_start]
    if BREAK.search(gap) or len(gap.split()) > PERSON_FIRST_WORDS:
        return None
    if pats.negation.search(gap):
        return None
    return person, copula.start(), copula.end()
