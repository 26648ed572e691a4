"""People named by a pronoun or a description: "Lidl-Trek will sign him", "lo ha fichado",
"the 31-year-old sprinter joins ...", a headline's "Dansk stortalent skifter til ...".

A referring expression stands for a person only when exactly one person is in play: the
nearest clause before it that names anyone names that one person alone, and nobody else
is named in between. A headline that names nobody speaks of the one person its lede names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.cues import NATIONALITIES, PERSON_ARTICLES
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.story import Evidence, Story
from feeds.nlp.transfers.text import ROLE_WORD, Span, split_clauses, within

_LEX = pooled()
# After its verb only a language's post-verbal pronoun is an object ("will sign him",
# "holt ihn"); a clitic comes before it ("lo ha fichado"): after a verb "le"/"la" are
# articles ("recrute le meilleur grimpeur").
_OBJECT_PRONOUNS = _LEX.words("object_pronouns")
_BEFORE_VERB = _OBJECT_PRONOUNS | _LEX.words("clitic_pronouns")
_DESCRIPTION_NOUNS = _LEX.words("person_descriptions")
_AGE = re.compile(r"(?<![\w'])(?:" + _LEX.alternation("age_descriptions") + r")(?![\w'])")
# A pronoun that is also a possessive ("her", "haar") is an object only before a function
# word or the clause's end: "signed her first contract" is a possessive.
_POSSESSIVES = _LEX.words("own_post_possessives")
_AFTER_PRONOUN = _LEX.words("to_markers") | _LEX.words("from_markers") | _LEX.words("until_markers")
_AUXILIARIES = _LEX.words("perfect_auxiliaries") | _LEX.words("passive_auxiliaries")
_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w'-]*)?")
LOOK_BACK_SENTENCES = 3
"""Sentences searched back for the person a pronoun or description stands for."""


def casefold_plain(word: str) -> str:
    """Lower case without accents, as nationality words are compared."""
    folded = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


PERSON_DEFINITE = frozenset(a.rstrip("'") for a in PERSON_ARTICLES)
"""The definite articles before a person's description ("the", "il", "der")."""
DEFINITE = PERSON_DEFINITE | _LEX.words("description_articles")
# Nationality nouns and adjectives (the tagger's list, folded) -> IOC code: "der Däne",
# "O jovem espanhol", "l'olandese".
NATIONALITY_CODES: dict[str, str] = {
    casefold_plain(form): code
    for code, forms in NATIONALITIES.items()
    for kind in ("nouns", "adjs")
    for form in forms.get(kind, ())
    if " " not in form
}
_NATIONALITY_NOUNS = frozenset(NATIONALITY_CODES)
DESCRIPTION_WORDS = 7
"""Words a definite description of a person may take ("le sprinteur picard de 31 ans",
"il campione del mondo a cronometro")."""
LONG_DESCRIPTION_WORDS = 12
"""Words of a description whose head noun comes first ("la ganadora de las dos últimas
Vueltas y del Tour de 2023")."""
_LEDE = 1
"""The lede, for a headline that names nobody: the first sentence after the headline."""


def pronoun_object(story: Story, cue: Hit) -> tuple[int, int] | None:
    """The words of an object pronoun of a team verb: after it ("will sign him", "holt
    ihn"), or a clitic or verb-final object opening it or right before it, an auxiliary
    at most between ("lo ha fichado", "l'a recruté", "heeft hem vastgelegd")."""
    low = story.low
    after = _NEXT_WORD.match(low, cue.end)
    word = after.group(1) if after else None
    if after and word in _OBJECT_PRONOUNS:
        nxt = _NEXT_WORD.match(low, after.end())
        following = nxt.group(1) if nxt else None
        if word not in _POSSESSIVES or following is None or following in _AFTER_PRONOUN:
            return after.start(1), after.end(1)
    opening = _NEXT_WORD.match(low, cue.start)
    if opening and opening.group(1) in _BEFORE_VERB:  # a cue with its clitic: "lo ha fichado"
        return opening.start(1), opening.end(1)
    before = ROLE_WORD.findall(low, max(0, cue.start - 24), cue.start)
    if len(before) > 1 and before[-1] in _AUXILIARIES:
        before.pop()  # "lo ha fichado", "hem heeft vastgelegd"
    if not before:
        return None
    # "l'a recruté": the elided clitic is one token with its auxiliary
    token = before[-1]
    head = token.split("'", 1)[0] + "'" if "'" in token else token
    if head not in _BEFORE_VERB:
        return None
    at = low.rfind(head, max(0, cue.start - 24), cue.start)
    return at, at + len(head)


def is_pronoun(story: Story, ev: Evidence) -> bool:
    """Is the evidence's unnamed mover an object pronoun (`pronoun_object` gives its
    words as the evidence's subject)?"""
    if ev.family != "acquire" or not 0 <= ev.subject_start < ev.cue_start:
        return False
    return story.low[ev.subject_start : ev.cue_start] in _BEFORE_VERB


def describes_person(words: Sequence[str]) -> bool:
    """Do the words describe a person: a description noun, a nationality, or an age?"""
    if any(w in _DESCRIPTION_NOUNS for w in words) or _AGE.search(" ".join(words)):
        return True
    return any(casefold_plain(w) in _NATIONALITY_NOUNS for w in words)


def referent(story: Story, ev: Evidence, spans: Sequence[Span]) -> str | None:
    """The one person a pronoun, a description or a missing subject stands for, or None."""
    if ev.title:
        return _lede_person(story, spans)
    where = ev.subject_start if ev.subject_start >= 0 else ev.cue_start
    sentence = spans[ev.sentence]
    first = max(0, ev.sentence - LOOK_BACK_SENTENCES)
    for number in range(ev.sentence, first - 1, -1):
        span = spans[number]
        clauses = split_clauses(story.text, span) if number else [span]
        for clause in reversed(clauses):
            end = min(clause.end, where) if span is sentence else clause.end
            # the clause's people by bisection: asked for each of a story's pronouns
            named = {p.entity_id for p in within(story.people, clause.start, end) if p.end <= end}
            if named:
                return named.pop() if len(named) == 1 else None
    return None


def _lede_person(story: Story, spans: Sequence[Span]) -> str | None:
    """A headline that names nobody: the one person its headline and lede name."""
    end = spans[min(_LEDE, len(spans) - 1)].end
    named = {p.entity_id for p in story.people if p.start < end}
    return named.pop() if len(named) == 1 else None


def headline_description(story: Story, ev: Evidence) -> bool:
    """A headline's subject that describes a person ("Dansk stortalent skifter til"),
    with nobody named in the headline."""
    if not ev.title or ev.subject_start < 0:
        return False
    if any(p.start < story.title_end for p in story.people):
        return False
    words = ROLE_WORD.findall(story.low, ev.subject_start, ev.cue_start)
    return 0 < len(words) <= 5 and describes_person(words)


def description_words(story: Story, start: int, end: int) -> list[str] | None:
    """The words from `start` to the first comma before `end` when they are a definite
    description of a person ("Le sprinteur picard de 31 ans, ..."), else None."""
    comma = story.low.find(",", start, end)
    words = ROLE_WORD.findall(story.low, start, comma if comma >= 0 else end)
    if words and "'" in words[0]:  # "l'auvergnat"
        words[:1] = words[0].split("'", 1)
    if not words or words[0] not in DEFINITE:
        return None
    if len(words) > DESCRIPTION_WORDS and not (len(words) > 1 and describes_person(words[1:2])):
        return None  # a long subject only when its head noun follows the article
    if len(words) > LONG_DESCRIPTION_WORDS:
        return None
    return words if describes_person(words) else None


def described_subject(story: Story, clause_start: int, person: Mention) -> bool:
    """Is the clause's subject a description set off by a comma, the person named inside
    the words after it ("Le sprinteur picard de 31 ans, [...] après la polémique avec
    David Gaudu [...], rejoint Arkéa")? An apposition right after the comma ("The
    Frenchman, David Gaudu, joins") names the subject instead."""
    comma = story.low.find(",", clause_start, person.start)
    if comma < 0 or description_words(story, clause_start, comma + 1) is None:
        return False
    return len(ROLE_WORD.findall(story.low, comma + 1, person.start)) >= 2
