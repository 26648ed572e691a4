"""Lexical evidence for the pair scorer: the words around a (person, team) pair, read
from the text itself rather than through the clause rules' phrase patterns, so that a
learned weight can carry across wording the lexicons lack.

Every feature is a name ("bw:pt:joins", "pl5:signi"); a candidate's features are the
union of its occurrences' (each value the strongest seen). Words are folded (accents
and case), other people and teams stand as `@p` and `@t`, and each word also gives its
4- and 5-letter prefixes, a poor man's stem that holds across inflection ("signe",
"signed", "signing" share "sign"). Nothing here reads the gold or the roster past the
story's publication: the roster facts are the person's team on the day (`team_on`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from feeds.models import Mention
from feeds.nlp.transfers.pairs import FEATURES, Candidate
from feeds.nlp.transfers.story import Story
from feeds.nlp.transfers.text import Span, within
from feeds.text.fold import fold_word

WINDOW = 4
"""Words read on each side of the person and of the team."""
BETWEEN = 12
"""Words read between the two; a longer gap keeps its first and last six."""
SHORT_GAP = 3
"""A gap of at most this many tokens is also read as one phrase ("(", "to join")."""
DISTANCES = ((1, "1"), (3, "2-3"), (6, "4-6"), (10, "7-10"), (20, "11-20"))
FEATURE_SET = "lexical-1"
"""The name of this feature set; a weights file for another one is refused."""
PREFIXES = (
    "bias",
    "rel",
    "ord",
    "dist",
    "bw",
    "b4",
    "b5",
    "gap",
    "pl",
    "pr",
    "tl",
    "tr",
    "pl4",
    "pr4",
    "tl4",
    "tr4",
    "pl5",
    "pr5",
    "tl5",
    "tr5",
    "sh",
    "loc",
    "tloc",
    "focus",
    "np",
    "nt",
    "cue",
    "cb",
    "r",
    "lang",
    "rule",
    "pn",
    "st",
)
"""Every feature name starts with one of these and a colon (checked against a weights
file: a file whose names start otherwise was written for other features)."""

_TOKEN = re.compile(r"\w+|[()\[\]:;,\u2013\u2014\-/>\u2022*\"\u201c\u201d\u00ab\u00bb]")
_PUNCT = frozenset('()[]:;,\u2013\u2014-/>\u2022*"\u201c\u201d\u00ab\u00bb')


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    form: str
    mention: Mention | None = None


def pair_features(
    story: Story,
    spans: Sequence[Span],
    candidate: Candidate,
    language: str | None,
    rules: bool = False,
    rule_moves: int = 0,
    sentences: dict[int, list[Token]] | None = None,
) -> dict[str, float]:
    """The candidate's lexical features (and, with `rules`, the 48 rule features);
    `rule_moves` is how many moves the rules read in the story, `sentences` the words of
    each sentence read so far (shared by a story's candidates)."""
    named = sum(p.entity_id == candidate.person_id for p in story.people)
    out: dict[str, float] = {
        "bias:": 1.0,
        f"lang:{language or '?'}": 1.0,
        f"pn:{min(3, named)}": 1.0,
        f"st:moves{min(2, rule_moves)}": 1.0,
    }
    out.update(_roster(story, candidate))
    if candidate.team_id == story.focus_team:
        out["focus:"] = 1.0
    sentences = {} if sentences is None else sentences
    for person, team, at, near in candidate.occurrences:
        for at_ in (at, near):
            if at_ not in sentences:
                sentences[at_] = tokens(story, spans[at_])
        for name in _occurrence(story, spans, sentences, person, team, at, near):
            out[name] = 1.0
    if rules:
        for name in FEATURES[1:]:
            value = candidate.values.get(name, 0.0)
            if value:
                out[f"rule:{name}"] = value
    return out


def tokens(story: Story, span: Span) -> list[Token]:
    """The sentence's words folded, each person and team one token."""
    mentions = sorted(
        (*within(story.people, span.start, span.end), *within(story.teams, span.start, span.end)),
        key=lambda m: (m.start, -m.end),
    )
    out: list[Token] = []
    at = span.start
    for mention in mentions:
        if mention.start < at:
            continue
        out.extend(_words(story.low, at, mention.start))
        form = "@t" if mention.kind == "team" else "@p"
        out.append(Token(mention.start, form, mention))
        at = mention.end
    out.extend(_words(story.low, at, span.end))
    return out


def _words(low: str, start: int, end: int) -> Iterator[Token]:
    for found in _TOKEN.finditer(low, start, end):
        word = found.group()
        yield Token(found.start(), word if word in _PUNCT else _fold(word))


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return fold_word(word) or word


def _occurrence(
    story: Story,
    spans: Sequence[Span],
    sentences: dict[int, list[Token]],
    person: Mention,
    team: Mention,
    at: int,
    near: int,
) -> Iterator[str]:
    people_tokens, team_tokens = sentences[at], sentences[near]
    p = _index_of(people_tokens, person)
    t = _index_of(team_tokens, team)
    if p is None or t is None:
        return
    rel = (
        "same" if at == near else "prev" if near == at - 1 else "next" if near == at + 1 else "far"
    )
    yield f"rel:{rel}"
    yield from _window("pl", people_tokens[max(0, p - WINDOW) : p])
    yield from _window("pr", people_tokens[p + 1 : p + 1 + WINDOW])
    yield from _window("tl", team_tokens[max(0, t - WINDOW) : t])
    yield from _window("tr", team_tokens[t + 1 : t + 1 + WINDOW])
    yield f"loc:{_place(at)}"
    yield f"tloc:{_place(near)}"
    yield f"np:{min(3, sum(x.form == '@p' for x in people_tokens))}"
    yield f"nt:{min(3, sum(x.form == '@t' for x in team_tokens))}"
    for family in _families(story, spans[at].start, spans[at].end):
        yield f"cue:{family}"
    if rel == "same":
        yield from _between(story, people_tokens, p, t)


def _between(story: Story, sentence: list[Token], p: int, t: int) -> Iterator[str]:
    order = "pt" if p < t else "tp"
    lo, hi = sorted((p, t))
    gap = sentence[lo + 1 : hi]
    yield f"ord:{order}"
    words = len([x for x in gap if x.form not in _PUNCT])
    yield f"dist:{order}:{next((name for top, name in DISTANCES if words <= top), 'far')}"
    if len(gap) <= SHORT_GAP:
        yield f"gap:{order}:{' '.join(x.form for x in gap)}"
    if gap and gap[0].form in "([" and hi < len(sentence) and lo + 2 == hi:
        yield f"sh:{order}:bracketed"
    kept = gap if len(gap) <= BETWEEN else [*gap[: BETWEEN // 2], *gap[-BETWEEN // 2 :]]
    for x in kept:
        yield f"bw:{order}:{x.form}"
        if len(x.form) > 4:
            yield f"b4:{order}:{x.form[:4]}"
        if len(x.form) > 5:
            yield f"b5:{order}:{x.form[:5]}"
    if gap:
        for family in _families(story, gap[0].start, sentence[hi].start):
            yield f"cb:{order}:{family}"


def _window(side: str, words: Sequence[Token]) -> Iterator[str]:
    for x in words:
        yield f"{side}:{x.form}"
        if len(x.form) > 4:
            yield f"{side}4:{x.form[:4]}"
        if len(x.form) > 5:
            yield f"{side}5:{x.form[:5]}"


def _place(sentence: int) -> str:
    return "title" if sentence == 0 else "lede" if sentence <= 2 else "body"


def _families(story: Story, start: int, end: int) -> set[str]:
    """The lexicon's cue families found between two offsets (any language's concepts)."""
    found = set()
    for family, hits in story.hits.items():
        if family != "move" and within(hits, start, end):
            found.add(family)
    return found


def _index_of(sentence: list[Token], mention: Mention) -> int | None:
    for i, x in enumerate(sentence):
        if x.mention is mention:
            return i
    return None


def _roster(story: Story, candidate: Candidate) -> dict[str, float]:
    """The person's team on the day of publication against the pair's team."""
    person = story.roster.people[candidate.person_id]
    own = person.team_on(story.published) if story.published else None
    verdict = "none" if own is None else "same" if own == candidate.team_id else "other"
    out = {f"r:{verdict}": 1.0}
    if person.kind == "staff":
        out["r:staff"] = 1.0
    return out
