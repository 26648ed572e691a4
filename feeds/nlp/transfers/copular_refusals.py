"""The word-level tests that refuse a copular reading (copular.py): each reads a few words
around the noun, the copula or the name, so the rule stays linear in the story."""

from __future__ import annotations

import re

from feeds.models import Mention
from feeds.nlp.transfers.copular_patterns import BREAK, CopularPatterns
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import Span

NEAR = 40
"""Characters looked at before or after the noun for its owner or a wish word."""
OWNER_WORDS = 3
"""Words before the noun an owner word may stand in: "of [the] [new] signing"."""
WISH_WORDS = 2
"""Words either side of the noun a wish word may stand in: "the dream signing", "el
fichaje ideal", "l'acquisto dei sogni"."""
_TOKEN = re.compile(r"[\w'’-]+")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_POSSESSIVE = ("'s", "’s")


def _last_words(story: Story, span: Span, end: int, count: int) -> list[re.Match[str]]:
    """The last `count` words before `end` in the stretch the noun stands in (up to the
    last break)."""
    low = story.low
    start = max(span.start, end - NEAR)
    cut = [m.end() for m in BREAK.finditer(low, start, end)]
    words = list(_TOKEN.finditer(low, cut[-1] if cut else start, end))
    return words[-count:]


def depends_on_noun(story: Story, pats: CopularPatterns, span: Span, start: int, end: int) -> bool:
    """The noun is another noun's dependent: "the agent of the new signing", "il
    procuratore del nuovo acquisto", "the newcomer's first rival"."""
    if story.low.startswith(_POSSESSIVE, end):
        return True
    for word in _last_words(story, span, start, OWNER_WORDS):
        text = word.group()
        if text in pats.owners:
            return True
        # an elided owner word: "dell'ultimo acquisto", "d'une recrue"
        cut = max(text.find("'"), text.find("’"))
        if cut > 0 and text[: cut + 1].replace("’", "'") in pats.owners:
            return True
    return False


def wished(story: Story, pats: CopularPatterns, span: Span, start: int, end: int) -> bool:
    """A wish word next to the noun: "the dream signing", "el fichaje ideal", "der
    Traum-Neuzugang"."""
    low = story.low
    before = _last_words(story, span, start, WISH_WORDS)
    lo = before[0].start() if before else start
    stop = min(span.end, end + NEAR)
    brk = BREAK.search(low, end, stop)
    after = list(_TOKEN.finditer(low, end, brk.start() if brk else stop))[:WISH_WORDS]
    hi = after[-1].end() if after else end
    return pats.wish.search(low, lo, hi) is not None


def auxiliary_after(story: Story, pats: CopularPatterns, start: int, end: int) -> bool:
    """A participle or a subject pronoun opens the gap after the copula: the copula is an
    auxiliary ("has been training with", "wurde überholt", "je trenirala") or its subject
    comes after it ("wird er")."""
    return pats.auxiliary.match(story.low, start, end) is not None


def possessive(story: Story, person: Mention) -> bool:
    """ "X's coach": the name owns the predicate, it is not the newcomer."""
    return story.low.startswith(_POSSESSIVE, person.end)


def names_season(story: Story, start: int, end: int) -> bool:
    """A year in the noun's phrase: "the signing for 2026"."""
    return _YEAR.search(story.low, start, end) is not None


class SentenceFacts:
    """What the refusals ask of a whole sentence, each read once on first use: a sentence
    of many nouns asks for every noun, and each asking must not read the sentence again."""

    def __init__(self, story: Story, pats: CopularPatterns, span: Span) -> None:
        self._story, self._pats, self._span = story, pats, span
        self._earlier: bool | None = None
        self._last_question: int | None = None
        self._first_opener: int | None = None
        self._last_contrast: int | None = None

    def names_earlier_year(self) -> bool:
        """A year before the story's in the sentence: "the big signing of 2020 was X"."""
        if self._earlier is None:
            story, span = self._story, self._span
            self._earlier = story.published is not None and any(
                int(m.group(1)) < story.published.year
                for m in _YEAR.finditer(story.low, span.start, span.end)
            )
        return self._earlier

    def is_question(self, noun_start: int) -> bool:
        """The sentence asks: "¿El próximo fichaje será X?", "serait-elle X ?"."""
        if self._last_question is None:
            low, span = self._story.low, self._span
            self._last_question = low.rfind("?", span.start, span.end)
            opener = low.find("¿", span.start, span.end)
            self._first_opener = span.end if opener < 0 else opener
        assert self._first_opener is not None
        return self._last_question >= noun_start or self._first_opener < noun_start

    def contrast_after(self, start: int) -> bool:
        """A contrast word after `start` in the sentence ("…, but he has a contract")."""
        if self._last_contrast is None:
            span = self._span
            found = [
                m.start()
                for m in self._pats.contrast.finditer(self._story.low, span.start, span.end)
            ]
            self._last_contrast = found[-1] if found else -1
        return self._last_contrast >= start


RACE_PLACE_WORDS = 4
"""Words after a race noun its race place may stand in: "on the podium", "in the front
group", "auf dem Podium", "del podio"."""


def race_sense(story: Story, pats: CopularPatterns, span: Span, end: int) -> bool:
    """The noun is about a place in the race ("the reinforcement for the chasers", "the new
    face on the podium", "la cara nueva del podio"): a race sense, no newcomer."""
    low = story.low
    stop = min(span.end, end + NEAR)
    brk = BREAK.search(low, end, stop)
    after = list(_TOKEN.finditer(low, end, brk.start() if brk else stop))[:RACE_PLACE_WORDS]
    hi = after[-1].end() if after else end
    return pats.race_place.search(low, end, hi) is not None
