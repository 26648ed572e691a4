"""Teams offered as alternatives name no destination: "de UAE a Intermarché o Movistar",
"Sam Welsford (Red Bull) -> Tudor, Jayco o Ineos", "could join Tudor or Jayco".

Whichever rule read a move in the sentence (a verb, a verbless pair, an arrow line), a
team of a list joined by "or" (lexicon concept `alternatives`) is taken from every
destination read there: the sentence says the person may go to one of them, not which.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from feeds.models import Mention
from feeds.nlp.lexicon import pooled
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import Span, mentions_in

_WORDS = sorted(pooled().words("alternatives"), key=len, reverse=True)
# the word, then the article or to-word the second team may carry ("o alla Movistar")
_OR_GAP = re.compile(
    r"\s*,?\s*(?:" + "|".join(map(re.escape, _WORDS)) + r")\s+"
    r"(?:(?:the|to|la|le|il|el|al|alla|à|au|de|het|naar|die|der|zu|zum|zur|til|a|o|l')\s+)?"
)
_LIST_GAP = re.compile(r"\s*,\s*")
_ANYWHERE = re.compile(r"\b(?:" + "|".join(map(re.escape, _WORDS)) + r")\b")


def drop_alternatives(story: Story, spans: Sequence[Span]) -> None:
    """Take teams offered as alternatives out of every destination of their sentence."""
    if not _ANYWHERE.search(story.low):
        return
    dropped: dict[int, set[str]] = {}
    for span in spans:
        teams = _alternatives(story.low, mentions_in(story.teams, span))
        if teams:
            dropped[span.sentence] = teams
    if not dropped:
        return
    for ev in story.evidence:
        for team_id in dropped.get(ev.sentence, ()):
            if ev.to.pop(team_id, None) is not None:
                ev.inheritable = False  # nor may it borrow another sentence's team
                # still news of a move, just not of where to
                story.untagged_move = story.untagged_move or not (ev.aside or ev.known)


def _alternatives(low: str, teams: Sequence[Mention]) -> set[str]:
    """The teams of each list joined by "or" ("X, Y or Z", "X o Y"): all of them."""
    out: set[str] = set()
    chain: list[Mention] = []
    alternative = False
    for i, team in enumerate(teams):
        prev = teams[i - 1] if i else None
        if prev is not None and _OR_GAP.fullmatch(low, prev.end, team.start):
            chain.append(team)
            alternative = True
            continue
        if prev is not None and _LIST_GAP.fullmatch(low, prev.end, team.start):
            chain.append(team)
            continue
        if alternative:
            out.update(t.entity_id for t in chain)
        chain, alternative = [team], False
    if alternative:
        out.update(t.entity_id for t in chain)
    return out
