"""A colon list whose people a relative clause gives their own verb.

"Elles rejoignent quatre coureuses qui avaient déjà renouvelé : A, B, C et D", "They join
four riders who had already renewed: A, B, C and D": the list after the colon names the
noun the relative clause hangs on, and its people take that clause's verb (renewed, are
already there), not the arrival verb before it, whose subject is the mover. The clause
must say they stay: an extension, an "already" word, or (after a verb whose subject
arrives) an arrival of their own, made before ("who arrived last year"). A relative clause
that says nothing of the kind ("T signs four riders who will race the Classics: ...")
leaves the list to the arrival verb.

The same clause after a list that follows an arrival verb ("They join A, B and C, who all
extended last week"; `list_runs`) gives the list's people the clause's verb too.
"""

from __future__ import annotations

import re
from functools import cache

from feeds.nlp.lexicon import story_lexicon
from feeds.nlp.transfers.scan import Hit
from feeds.nlp.transfers.story import ARRIVAL_FAMILIES, Story
from feeds.nlp.transfers.text import WORD_START, within

_CLAUSE_END = re.compile(r"[,;:.!?]")


@cache
def _relative(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """A relative pronoun with a word before it (its noun): right after the verb, "die"
    or "der" is the object's article ("wechseln die bereits bekannten ...")."""
    words = story_lexicon(languages).alternation("list_relatives")
    return re.compile(r"(?<![\w'-])\w[\w'-]*,?\s+(?:" + words + r")(?![\w'])")


@cache
def _relative_at(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """A relative pronoun right after a list's last name: ", who ...", ", qui ..."."""
    words = story_lexicon(languages).alternation("list_relatives")
    return re.compile(r"\s*,\s*(?:" + words + r")(?![\w'])")


@cache
def _already(languages: tuple[str, ...] | None) -> re.Pattern[str] | None:
    words = story_lexicon(languages).alternation("already")
    return re.compile(WORD_START + r"(?:" + words + r")(?![\w'])") if words else None


def relative_keeps(story: Story, hit: Hit, colon: int) -> bool:
    """Between the arrival `hit` and its `colon`, a relative clause says the listed people
    stay or are there already: the list is not the hit's arrivals."""
    if not story_lexicon(story.languages)["list_relatives"]:
        return False
    # one search, bounded by the colon: linear in the stretch, whatever the text's length
    found = _relative(story.languages).search(story.low, hit.end, colon)
    return found is not None and _stays(story, found.end(), colon, hit.family == "arrive")


def relative_after_keeps(story: Story, end: int, bound: int) -> bool:
    """Right after a list that ends at `end`, a relative clause (up to `bound`) says its
    people stay: "They join A, B and C, who all extended last week"."""
    if not story_lexicon(story.languages)["list_relatives"]:
        return False
    found = _relative_at(story.languages).match(story.low, end, bound)
    if found is None:
        return False
    # the clause ends at its first mark: each stretch is read by one list at most, however
    # many verbs and lists the sentence holds
    mark = _CLAUSE_END.search(story.low, found.end(), bound)
    # an arrival of their own says nothing here: after an inverted verb the list is its
    # subject ("arrivano A e B, che hanno firmato un biennale")
    return _stays(story, found.end(), mark.start() if mark else bound, False)


def _stays(story: Story, clause: int, bound: int, arriving: bool) -> bool:
    """The relative clause from `clause` to `bound` says its people stay: an "already"
    word or an extension; after a verb whose subject arrives (`arriving`), an arrival of
    their own too ("they join four riders who arrived last year")."""
    already = _already(story.languages)
    if already is not None and already.search(story.low, clause, bound):
        return True
    if within(story.hits.get("extension", []), clause, bound):
        return True
    return arriving and any(
        h.family in ARRIVAL_FAMILIES for h in within(story.hits.get("move", []), clause, bound)
    )
