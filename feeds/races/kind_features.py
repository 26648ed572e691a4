"""A story's features for the learned story-kind model (feeds/races/kind_model.py).

Read from what the race tagger has already computed for the rules (feeds/races/kind.py),
never from an annotation:

- the headline's and the lede's words, folded (accents, case), each also as its 4- and
  5-letter prefix, a stem that holds across inflection (`hw:crash`, `hp4:cras`; `lw:`,
  `lp4:`, `lp5:` for the lede, the text's first `LEAD_CHARS`). A word inside a tagged
  rider, team or staff mention or a race name is its placeholder (`@rider`, `@team`,
  `@race`, no prefixes): a name says who, never what kind of story (with names the model
  called "X crashes at the Giro" a result for one rider and a crash for another);
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

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from feeds.models import StoryKind
from feeds.races.kind import KindEvidence
from feeds.text.fold import FoldedText

FEATURE_SET = "kind-2"
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
    """The headline's folded words, names as their placeholders (`masked_words`)."""
    lede_words: Sequence[str]
    """The text's folded words in its lead, names as their placeholders."""
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
        if word.startswith(PLACEHOLDER):
            continue
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


PLACEHOLDER = "@"
"""A masked name's mark: folded words never hold it (folding keeps letters and digits)."""


def masked_words(
    ft: FoldedText,
    first: int,
    last: int,
    names: Sequence[tuple[int, int, str]],
    races: Sequence[tuple[int, int]],
) -> list[str]:
    """Folded words `first` to `last` (exclusive) of `ft`, each word inside a name as the
    name's placeholder, once a name: `names` are original (start, end, kind) spans of the
    tagged mentions sorted by start, `races` folded (start, end) spans of race names.
    Linear in the words read plus the spans (one bisection a word)."""
    marks: dict[int, str] = {}
    for start, end in races:
        _, _, k0, k1 = ft.span(start, end)
        for k in range(max(k0, first), min(k1, last)):
            marks[k] = "race"
    starts = [start for start, _, _ in names]
    out: list[str] = []
    previous = -1
    for k in range(first, last):
        mark = marks.get(k)
        if mark is None and names:
            at = ft.word_span(k)[0]
            i = bisect_right(starts, at) - 1
            if i >= 0 and names[i][1] > at:
                mark = names[i][2]
                # two words of one name are one placeholder
                if i == previous and out and out[-1] == PLACEHOLDER + mark:
                    continue
                previous = i
        if mark is None:
            out.append(ft.word(k))
        elif not (out and out[-1] == PLACEHOLDER + mark and mark == "race" and marks.get(k - 1)):
            out.append(PLACEHOLDER + mark)
    return out
