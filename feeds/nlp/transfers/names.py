"""A run of names written as one list: "A, B, C (Team) en D", "X og Y", "Porte (retires),
Yates (UAE) und Carapaz (EF)". Commas and the lexicons' coordination words join the
names; a bracket after a name (its team, its age) does not break the run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.story import Story

_BRACKETED = re.compile(r"\s*\([^()]{0,60}\)")


def longest_list(story: Story, people: Sequence[Mention]) -> list[Mention]:
    """The longest run of people written as one list ("A, B, C (Team) en D")."""
    best: list[Mention] = []
    run: list[Mention] = []
    for person in people:
        if run and _glue().fullmatch(_without_brackets(story.low[run[-1].end : person.start])):
            run.append(person)
        else:
            run = [person]
        if len(run) > len(best):
            best = list(run)
    return best


def _without_brackets(gap: str) -> str:
    return _BRACKETED.sub("", gap)


@cache
def _glue() -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(pooled().words("coordination_words"))))
    return re.compile(r"\s*(?:,\s*(?:(?:" + words + r")\s+)?|\s(?:" + words + r")\s+)")
