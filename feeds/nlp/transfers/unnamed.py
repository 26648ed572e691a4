"""Movers a clause does not name: a definite description ("Tudor have signed the
32-year-old", "Le rouleur suisse rejoindra ...") goes to the last person it fits, and
"He will join ..." to the story's main mover.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import islice

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.referents import (
    DESCRIPTION_WORDS,
    NATIONALITY_CODES,
    PERSON_DEFINITE,
    casefold_plain,
    description_words,
    headline_description,
    is_pronoun,
    pronoun_object,
    referent,
)
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import ROLE_WORD, Span, within

_LEX = pooled()
_VERB_FINAL = _LEX.words("verb_final")
_THING_NOUNS = _LEX.words("thing_nouns")
_TEAM_NOUNS = _LEX.words("team_nouns")
_STOP_WORDS = _LEX.words("stop_words")
# "he", "elle", "hij" alone before the verb; the articles the concept also lists are no subject
_SUBJECT_PRONOUNS = _LEX.words("pronouns") - _LEX.words("pronoun_articles")
_NAME_NEXT = re.compile(r"\s+[A-Z\u00c0-\u00de]")
_CAPITAL = re.compile(r"(?<![\w'])[A-Z\u00c0-\u00de]")
_ATTRIBUTION = re.compile(r"\b(?:" + _LEX.alternation("attributions") + r")(?:\s+\S+){0,2}$")
# "27-letnica iz Slovenske Bistrice", "the 27-year-old from Slovenska Bistrica": a place of
# origin after a from-word, not a person.
_FROM_BEFORE = re.compile(r"\b(?:" + _LEX.alternation("from_markers") + r")\s+$")
_FULL_NAME = re.compile(r"(?<![\w'])[A-Z\u00c0-\u00de][\w'-]+\s+[A-Z\u00c0-\u00de][\w'-]+")
LEDE_SENTENCES = 2
NAME_REACH = 1000
"""Characters before a verb where an unknown person's name is looked for: a subject stands
far nearer its verb (under 250 in every development set); without a bound, a subject
running on over thousands of words is read whole again for each of many verbs."""
_VERB_FAMILIES = frozenset({"arrive", "depart", "acquire", "lose", "courted"})
_ARRIVAL_VERBS = frozenset({"arrive", "acquire", "courted"})
_DESCRIBED_OBJECT = re.compile(
    r"\s+(?:(?:" + "|".join(sorted(PERSON_DEFINITE - {"l"})) + r")\s+|l')(?:[\w-]+\s+){0,2}?[\w-]+"
    r"(?=\s*(?:[.,;:!?]|$|\s(?:on|for|from|op|voor|van|pour|de|per|da|por|für|von|aus)\b))"
)


def _definite_object(
    story: Story, cue: Hit, people: Sequence[Mention], teams: Sequence[Mention]
) -> tuple[int, int] | None:
    if story.low[cue.start : cue.end] in _VERB_FINAL:
        subject = [t for t in teams if t.end <= cue.start]
        if not subject:
            return None
        lo, hi = subject[-1].end, cue.start
        words = ROLE_WORD.findall(story.low, lo, hi)
        if not 2 <= len(words) <= 5 or not any(w in PERSON_DEFINITE for w in words):
            return None
    else:
        found = _DESCRIBED_OBJECT.match(story.low, cue.end)
        if found is None:
            return None
        lo, hi = cue.end, found.end()
        words = ROLE_WORD.findall(story.low, lo, hi)
    if any(w in _THING_NOUNS for w in words):
        return None
    if any(lo <= m.start < hi for m in (*people, *teams)):
        return None
    return lo, hi


def described_object(
    story: Story, cue: Hit, people: Sequence[Mention], teams: Sequence[Mention]
) -> tuple[int, int] | None:
    """The words of a definite description a team verb acts on ("Tudor have signed the
    32-year-old", "Jumbo-Visma heeft de Nederlander vastgelegd"), or of an object pronoun
    ("Lidl-Trek will sign him", "lo ha fichado"): the mover is named elsewhere in the
    story. Contracts and deals are things, not people."""
    found = _definite_object(story, cue, people, teams)
    if found is not None:
        return found
    pronoun = pronoun_object(story, cue)
    if pronoun is None or any(pronoun[0] < m.end and m.start < pronoun[1] for m in teams):
        return None
    return pronoun


def resolve_pending(story: Story, spans: list[Span]) -> None:
    """Give moves without a named mover ("He will join ...") to the story's main mover."""
    unresolved = []
    for ev in story.pending:
        if is_pronoun(story, ev):
            # "Lidl-Trek will sign him": only the one person in play, never a guess
            described = referent(story, ev, spans)
            if described is not None:
                ev.person_id = described
                story.evidence.append(ev)
            continue
        # a description names its own person, whoever the story is mostly about
        described = (
            _described_mover(story, ev)
            or _just_named(story, ev, spans)
            or _elided_subject(story, ev, spans)
        )
        # a description's own capitalised words ("El ganador de la Flecha Brabanzona")
        # are a race's or a team's, not an unknown person's
        described = described or _referred(story, ev, spans)
        if described is not None:
            ev.person_id = described
            story.evidence.append(ev)
        elif _untagged_name(story, ev):
            # "gaat ploegleider Bart Leysen aan de slag bij Tudor": not "he", but a move
            # the story reports all the same
            story.untagged_move = story.untagged_move or (bool(ev.to) and _in_lede(story, ev))
        else:
            unresolved.append(ev)
    main = _main_person(story)
    if main is None:
        return
    for ev in unresolved:
        if _mentioned_recently(story, main, ev.sentence, spans):
            ev.person_id = main
            story.evidence.append(ev)


def _referred(story: Story, ev: Evidence, spans: Sequence[Span]) -> str | None:
    """A subject that is a description ("Le sprinteur picard de 31 ans", a headline's
    "Dansk stortalent") or missing ("Firmará por el Movistar Team"): the one person
    in play (`referents`). Arrivals only: a described departure ("o neerlandês deixa a
    Visma") says where from, which the person's own sentences tell better."""
    if ev.family not in _ARRIVAL_VERBS or _noun_at(story, ev.cue_start):
        return None
    if ev.title:
        return referent(story, ev, spans) if headline_description(story, ev) else None
    if ev.subject_start < 0:
        return None
    if description_words(story, ev.subject_start, ev.cue_start) is not None:
        return referent(story, ev, spans)
    words = _first_words(story, ev.subject_start, ev.cue_start, 2)
    if not words or (len(words) == 1 and words[0] in _SUBJECT_PRONOUNS):
        return referent(story, ev, spans)
    return None


def _in_lede(story: Story, ev: Evidence) -> bool:
    """In the lede, or anywhere when the headline speaks of a move."""
    return ev.sentence <= LEDE_SENTENCES or any(
        h.start < story.title_end for h in story.hits.get("move", [])
    )


def _untagged_name(story: Story, ev: Evidence) -> bool:
    """Two capitalised words before the verb that are no tagged mention: a person the
    roster does not know does the verb, not the story's main mover."""
    if ev.subject_start < 0 or ev.cue_start <= ev.subject_start:
        return False
    mentions = (*story.people, *story.teams)
    start = max(ev.subject_start, ev.cue_start - NAME_REACH)
    for found in _FULL_NAME.finditer(story.text, start, ev.cue_start):
        lo, hi = found.span()
        first = story.low[lo:hi].split(None, 1)[0]
        if first in PERSON_DEFINITE or first in _STOP_WORDS:
            continue  # "The Olympic champion": a description opening a sentence
        if _ATTRIBUTION.search(story.low, max(0, lo - 40), lo + len(first)):
            continue  # "Volgens Het Laatste Nieuws", "according to Cycling Weekly": a source
        if _FROM_BEFORE.search(story.low, max(0, lo - 20), lo):
            continue  # "the 27-year-old from Slovenska Bistrica": a place
        if not any(m.start < hi and lo < m.end for m in mentions):
            return True
    return False


def _main_person(story: Story) -> str | None:
    """The person the story is mostly about moving (an arrival counts twice)."""
    scores: dict[str, float] = defaultdict(float)
    for ev in story.evidence:
        scores[ev.person_id] += ev.weight * (2.0 if ev.arrival else 1.0)
    if not scores:
        # Nobody named does the verb; a headline's person is what the story is about.
        headline = [p for p in story.people if p.start < story.title_end]
        if headline:
            return headline[0].entity_id
        # a headline that names nobody ("Star changes teams!"): the one person its lede names
        starts = story.sentence_starts
        lede_end = (
            starts[LEDE_SENTENCES + 1] if len(starts) > LEDE_SENTENCES + 1 else len(story.text)
        )
        named = {p.entity_id for p in story.people if p.start < lede_end}
        return named.pop() if len(named) == 1 else None
    first = {p.entity_id: p.start for p in reversed(story.people)}
    return max(scores, key=lambda k: (scores[k], -first.get(k, 0)))


def _mentioned_recently(story: Story, person_id: str, sentence: int, spans: Sequence[Span]) -> bool:
    """Named in the headline or in the last few sentences: "he" can still be them."""
    lo = spans[max(0, sentence - 3)].start
    hi = spans[sentence].end
    # the headline's and those sentences' mentions by bisection: asked once per pronoun
    return any(
        p.entity_id == person_id
        for p in (*within(story.people, 0, spans[0].end), *within(story.people, lo, hi))
    )


def _just_named(story: Story, ev: Evidence, spans: Sequence[Span]) -> str | None:
    """A clause whose subject is a short definite description of a person ("l'argento
    mondiale lascia la Decathlon", "der 25-Jährige wechselt", "el escalador llega") right
    after one person was named (in its sentence or the one before): that person.
    A description of a team or a thing ("la squadra", "the deal") is not a mover."""
    if ev.family not in _VERB_FAMILIES or _noun_at(story, ev.cue_start):
        return None  # a noun's owner comes after it ("het vertrek van X"), unnamed or not
    words = _description(story, ev)
    if words is None or any(w in _TEAM_NOUNS or w in _THING_NOUNS for w in words):
        return None
    capitals = list(islice(_CAPITAL.finditer(story.text, ev.subject_start, ev.cue_start), 3))
    if len(capitals) > 2 or _NAME_NEXT.match(story.text, ev.cue_start):
        return None  # "de Nederlander Servais Knaven": a name the roster does not know
    lo = spans[max(0, ev.sentence - 1)].start
    named = [p for p in within(story.people, lo, ev.subject_start) if p.end <= ev.subject_start]
    if not named or len({p.entity_id for p in named[-2:]}) != 1:
        return None  # nobody, or two people just named: which one is meant is not told
    return named[-1].entity_id


def _elided_subject(story: Story, ev: Evidence, spans: Sequence[Span]) -> str | None:
    """A clause that opens with its verb after another clause of the sentence ("Skjelmose
    drew interest from several teams, but opted for Movistar", "lascia la Ineos e passa
    alla Lidl-Trek"): the subject is the sentence's, when it names one person only."""
    if ev.family not in _VERB_FAMILIES or ev.subject_start < 0 or ev.title:
        return None
    sentence = spans[ev.sentence]
    if ev.subject_start <= sentence.start or _first_words(story, ev.subject_start, ev.cue_start, 1):
        return None  # the sentence's first clause, or a subject of its own
    named = {p.entity_id for p in story.people if sentence.start <= p.start < ev.subject_start}
    return named.pop() if len(named) == 1 else None  # several: whose clause it is is unclear


def _noun_at(story: Story, offset: int) -> bool:
    return any(
        hit.start == offset
        for family in ("noun_arrive", "noun_depart")
        for hit in story.hits.get(family, [])
    )


def _description(story: Story, ev: Evidence) -> list[str] | None:
    """The subject's words when they are a definite description ("le rouleur suisse")."""
    if ev.subject_start < 0:
        return None
    words = _first_words(story, ev.subject_start, ev.cue_start, DESCRIPTION_WORDS + 1)
    if words and "'" in words[0]:  # "l'italien", "l'olandese"
        words[:1] = words[0].split("'", 1)
    if not words or len(words) > DESCRIPTION_WORDS or words[0] not in PERSON_DEFINITE:
        return None
    return words


def _first_words(story: Story, start: int, end: int, most: int) -> list[str]:
    """The words between two offsets, read up to `most` of them: a subject that runs on
    over thousands of words before each of many verbs is otherwise read whole each time."""
    return [w.group() for w in islice(ROLE_WORD.finditer(story.low, start, end), most)]


def _described_mover(story: Story, ev: Evidence) -> str | None:
    """A clause whose subject is a definite nationality description ("Le rouleur suisse
    rejoindra Tudor", "The Swiss will join ...") moves the last person of that nationality
    named before it, who need not be the story's main mover."""
    if ev.subject_start < 0:
        return None
    # six words at most: a longer subject is no description, however long it runs on
    words = _first_words(story, ev.subject_start, ev.cue_start, 6)
    if words and "'" in words[0]:  # "l'italien", "l'olandese"
        words[:1] = words[0].split("'", 1)
    if not words or len(words) > 5 or words[0] not in PERSON_DEFINITE:
        return None
    codes = {NATIONALITY_CODES[w] for w in map(casefold_plain, words) if w in NATIONALITY_CODES}
    if len(codes) != 1:
        return None
    (code,) = codes
    people = story.people
    indexes = _nationals(story).get(code, [])
    # the mentions starting by the subject, nearest first; one running past it is skipped
    last = bisect.bisect_right(indexes, ev.subject_start, key=lambda i: people[i].start)
    for i in reversed(indexes[:last]):
        if people[i].end <= ev.subject_start:
            return story.roster.people[people[i].entity_id].id
    return None


def _nationals(story: Story) -> dict[str, list[int]]:
    """`Story.nationals`, filled on first use."""
    if story.nationals is None:
        story.nationals = defaultdict(list)
        for i, mention in enumerate(story.people):
            person = story.roster.people.get(mention.entity_id)
            if person is not None and person.nationality:
                story.nationals[person.nationality].append(i)
    return story.nationals
