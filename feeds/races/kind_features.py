"""A story's features for the learned story-kind model (feeds/races/kind_model.py).

Read from what the race tagger has already computed for the rules (feeds/races/kind.py),
never from an annotation:

- the headline's and the lede's words, folded (accents, case), each also as its 4- and
  5-letter prefix, a stem that holds across inflection (`hw:crash`, `hp4:cras`; `lw:`,
  `lp4:`, `lp5:` for the lede, the text's first `LEAD_CHARS`);
- the kind lexicons' concepts found in the headline, the lede and the text read for kinds
  (`hc:crash`, `lc:result`, `tc:transfer`; `...:2` when twice or more): which concept
  fired, whatever the language's word for it;
- the other tags: a transfer decision, how many moves, riders, teams and races (0, 1, 2-3,
  4+), a race named in the headline, a stage named, the timing of the races named against
  the publication date (one ran about it, one starts soon, one is under way, none near),
  a headline naming a team, a rider or a found move, a look back, a cycling story at all;
- the story's language (`lang:fr`);
- optionally the rules' own kind (`rules:crash`): the model then learns where to trust them.

Nothing of the future is read: the calendar's timing is that of the publication date, as
the rules read it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from feeds.models import StoryKind
from feeds.races.kind import KindEvidence

FEATURE_SET = "kind-1"
"""The name of this feature set; a weights file written for another one is refused."""
PREFIXES = (4, 5)
MIN_WORD = 2
"""Shorter words (articles, single letters) say nothing of a kind."""
MAX_WORDS = 80
"""The lede's words read at most (its `LEAD_CHARS` hold about sixty)."""
FLAGS = (
    "has_race",
    "cycling",
    "is_transfer",
    "race_near",
    "title_team",
    "title_race",
    "race_ahead",
    "recalled",
    "race_far",
    "race_under_way",
    "title_rider",
    "title_move",
)


@dataclass(frozen=True, slots=True)
class KindInputs:
    """What the race tagger read for the kind rules, kept for the model: no gold."""

    evidence: KindEvidence
    title_words: Sequence[str]
    """The headline's folded words."""
    lede_words: Sequence[str]
    """The text's folded words in its lead."""
    language: str | None
    moves: int
    riders: int
    teams: int
    races: int
    stage: bool
    """A stage number is named in the headline or the lead."""


def kind_features(inputs: KindInputs, rules_kind: StoryKind | None = None) -> dict[str, float]:
    """Named features, each 1.0 (a sparse row for `scorer_sparse.fit_softmax`; the model
    sums a kind's weights over the names, kind_model.py)."""
    ev = inputs.evidence
    out: dict[str, float] = {"bias:": 1.0, f"lang:{inputs.language or '?'}": 1.0}
    _words(out, "h", inputs.title_words)
    _words(out, "l", inputs.lede_words[:MAX_WORDS])
    _concepts(out, "hc", ev.title)
    _concepts(out, "lc", ev.lead)
    _concepts(out, "tc", ev.text)
    for flag in FLAGS:
        if getattr(ev, flag):
            out[f"f:{flag}"] = 1.0
    if inputs.stage:
        out["f:stage"] = 1.0
    for name, count in (
        ("moves", inputs.moves),
        ("riders", inputs.riders),
        ("teams", inputs.teams),
        ("races", inputs.races),
    ):
        out[f"n:{name}:{_bucket(count)}"] = 1.0
    if rules_kind is not None:
        out[f"rules:{rules_kind}"] = 1.0
    return out


def _words(out: dict[str, float], part: str, words: Iterable[str]) -> None:
    for word in words:
        if len(word) < MIN_WORD or word.isdigit():
            continue
        out[f"{part}w:{word}"] = 1.0
        for size in PREFIXES:
            if len(word) > size:
                out[f"{part}p{size}:{word[:size]}"] = 1.0


def _concepts(out: dict[str, float], part: str, counts: Counter[str]) -> None:
    for concept, count in counts.items():
        if count > 0:
            out[f"{part}:{concept}"] = 1.0
            if count > 1:
                out[f"{part}:{concept}:2"] = 1.0


def _bucket(count: int) -> str:
    if count <= 1:
        return str(max(count, 0))
    return "2-3" if count <= 3 else "4+"
