"""Riders the roster does not know: a continental rider, a neo-pro, a women's rider the
annotators list "with their full name as printed" (issue #13, riders F1).

The tagger tags only roster people. This reader tags a person outside the roster as a
rider, and only when the text leaves no doubt that they race:

- a team in brackets right after the name ("Juan Pérez (Team Medellín)"), which is also
  how a results line prints a placing ("1. Juan Pérez (Team Medellín) 4h12'");
- a rider noun of the story's languages in apposition right before the name, maybe with
  one or two nationality words between ("the Colombian rider X", "il corridore
  colombiano X", "rytteren X"), or right after it behind a comma and at most a few
  words ("X, a 22-year-old rider"); the nouns are the lexicon concept `rider_nouns`. A
  word for "former" before the noun ("the former rider X", "X, ancien coureur devenu
  commentateur") names a retired rider, whom the annotation does not list.

The names come from the one reader of names outside the roster
(`feeds.nlp.transfers.unknown_people.outside_names`: a given name then surname words,
no tagger mention, no frame word of a race, street or team, no team's sponsor), and the
same exclusions hold: someone a staff title names ("manager X (Team)") and an outsider
(a journalist, an agent, a sponsor's CEO, a source) is no rider. The reader adds names
to the riders field only: it never touches a move, a team or the roster.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from feeds.models import Mention
from feeds.nlp.cues.nationalities import NATIONALITIES
from feeds.nlp.document import Document
from feeds.nlp.fold import fold_word
from feeds.nlp.lexicon import pooled, story_lexicon
from feeds.nlp.transfers.unknown_people import NameSpan, outside_names, person_kind
from feeds.roster import Roster

NOUN_REACH = 80
"""Characters looked at before a name for a rider noun and its nationality words."""
AFTER_REACH = 60
"""Characters looked at after a name's comma for an apposition naming a rider."""
FORMER_REACH = 20
"""Characters looked at before a rider noun for a word for "former"."""
AFTER_WORDS = 4
"""Words at most between a name's comma and the rider noun ("X, the 22-year-old Dutch
rider"): a longer clause is about something else."""

_BRACKET_TEAM = re.compile(r"\s?\(\s?")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


def unknown_riders(
    doc: Document,
    mentions: Sequence[Mention],
    roster: Roster,
    languages: tuple[str, ...] | None,
) -> list[str]:
    """The names, as printed and in order of first mention, of the people outside the
    roster the text shows racing (see the module's docstring). Linear in the text: each
    name is read once, each look-around is bounded."""
    names = outside_names(doc, mentions, roster)
    if not names.spans:
        return []
    low = doc.low
    team_starts = {m.start for m in mentions if m.kind == "team"}
    before, after = _noun_before(languages), _noun_after(languages)
    nationality = _nationality_words()
    out: dict[str, str] = {}
    for span in names.spans:
        key = fold_word(span.name)
        if key in out:
            continue
        if not (
            _bracketed_team(doc.text, span, team_starts)
            or _noun_right_before(low, span, before, nationality)
            or _noun_right_after(low, span, after)
        ):
            continue
        # a staff title or an outsider's role beside the name: not a rider
        if person_kind(low, [(span.start, span.end)]) == "staff":
            continue
        if names.context.outsider(span.first, span.last):
            continue
        out[key] = span.name
    return list(out.values())


def _bracketed_team(text: str, span: NameSpan, team_starts: set[int]) -> bool:
    """A team the tagger found opens a bracket right after the name ("X (Cofidis)")."""
    b = _BRACKET_TEAM.match(text, span.end)
    return b is not None and text[span.end : b.end()].strip() == "(" and b.end() in team_starts


def _noun_right_before(
    low: str, span: NameSpan, before: re.Pattern[str], nationality: frozenset[str]
) -> bool:
    """A rider noun, then nothing or only nationality words, then the name ("the rider X",
    "der Fahrer X", "le coureur colombien X"): any other word between makes the noun
    another clause's ("the riders thanked X")."""
    lo = max(0, span.start - NOUN_REACH)
    m = before.search(low, lo, span.start)
    if m is None:
        return False
    between = _WORD.findall(m.group("between"))
    if not all(fold_word(w) in nationality for w in between):
        return False
    return not _former_before(low, m.start())


def _noun_right_after(low: str, span: NameSpan, after: re.Pattern[str]) -> bool:
    """A comma, at most a few words in the same clause, then a rider noun closing the
    apposition ("X, a Colombian rider, ...", "X, il corridore ...")."""
    m = after.match(low, span.end, min(len(low), span.end + AFTER_REACH))
    if m is None:
        return False
    between = _LETTERS.findall(m.group("between"))
    former = _former_words()
    return len(_WORD.findall(m.group("between"))) <= AFTER_WORDS and not any(
        w in former for w in between
    )


def _former_before(low: str, noun_start: int) -> bool:
    """A word for "former" right before the rider noun ("the former rider X", "la ex
    ciclista X", "oud-renner X"): a retired rider, now in another job."""
    words = _LETTERS.findall(low, max(0, noun_start - FORMER_REACH), noun_start)
    return bool(words) and words[-1] in _former_words()


@cache
def _former_words() -> frozenset[str]:
    return frozenset(w.lower() for w in pooled().words("former_markers"))


def _nouns(languages: tuple[str, ...] | None) -> str:
    words = sorted(story_lexicon(languages).words("rider_nouns"), key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


@cache
def _noun_before(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """A rider noun, then at most two words, then the end of the window (the name)."""
    return re.compile(
        rf"(?<!\w)(?:{_nouns(languages)})\s(?P<between>(?:[^\W\d_]+(?:-[^\W\d_]+)*\s){{0,2}})$"
    )


@cache
def _noun_after(languages: tuple[str, ...] | None) -> re.Pattern[str]:
    """A comma, words of one clause (no punctuation), then a rider noun ending a word."""
    return re.compile(
        rf",\s(?P<between>(?:[^\W_]+(?:-[^\W_]+)*\s){{0,{AFTER_WORDS}}})(?:{_nouns(languages)})"
        r"(?!\w)"
    )


@cache
def _nationality_words() -> frozenset[str]:
    """Every nationality noun and adjective, folded ("colombiano", "belge", "Dutch")."""
    return frozenset(
        fold_word(w) for forms in NATIONALITIES.values() for ws in forms.values() for w in ws
    )
