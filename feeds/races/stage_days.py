"""Which day's stage a report is about, and which stage a rider (did not) start.

A crash story is often published the morning after the crash: "caduto ieri", "v četrtek",
"la caída del miércoles". Its lead then names the day of the stage, which the publication
date alone cannot tell (feeds/races/focus.py takes the publication day otherwise). And a
stage numbered after a start verb ("did not start stage 5", "non ripartire per la seconda
tappa") is the stage the rider missed: he was hurt in the one before. The words are per
language in stage_days.toml; this module only reads them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from types import MappingProxyType

from feeds.nlp.fold import fold_tokens
from feeds.races.mentions import ORDINAL_MARKS

STAGE_DAYS_FILE = "stage_days.toml"
MAX_DAYS_BACK = 2
"""A weekday named in a report's lead is its stage's day when that day is the publication
day or one of the two before it (a later weekday is a plan: "surgery on Friday")."""
START_WORDS = 9
"""Words before a stage noun read for a start verb and what stands between."""
START_REACH = 120
"""Folded characters those words are looked for in."""
START_GAP = 3
"""Words other than the stage's number between a start verb and the stage noun."""


@dataclass(frozen=True, slots=True)
class DayWords:
    """One language's words, folded as keys over folded text (" ieri ", " vcerajsnj")."""

    yesterday: tuple[str, ...]
    after: tuple[str, ...]
    weekdays: tuple[tuple[str, ...], ...]
    """Seven tuples of keys, Monday first."""
    starting: tuple[str, ...]


def _key(entry: str) -> str:
    prefix = entry.endswith("*")
    body = " " + "  ".join(fold_tokens(entry.rstrip("*")))
    return body if prefix else body + " "


def parse_stage_days(text: str) -> dict[str, DayWords]:
    data = tomllib.loads(text)
    out = {}
    for code, entry in data.items():
        weekdays = tuple(tuple(_key(w) for w in day) for day in entry.get("weekdays", []))
        if weekdays and len(weekdays) != 7:
            raise ValueError(f"{STAGE_DAYS_FILE} [{code}]: weekdays must list seven days")
        out[code] = DayWords(
            tuple(_key(w) for w in entry.get("yesterday", [])),
            tuple(_key(w) for w in entry.get("after", [])),
            weekdays,
            tuple(_key(w) for w in entry.get("starting", [])),
        )
    return out


@cache
def bundled_stage_days() -> Mapping[str, DayWords]:
    """Every language's words (read once)."""
    text = (resources.files("feeds.races") / STAGE_DAYS_FILE).read_text(encoding="utf-8")
    return MappingProxyType(parse_stage_days(text))


UNKNOWN_LANGUAGE = "en"
"""The words read in a story whose language is unknown: not every language's pooled, since
one language's day word is another's ordinary word ("hier" is French for yesterday and
German for here)."""


def day_words(language: str | None) -> DayWords:
    days = bundled_stage_days()
    return days.get(language or "", days[UNKNOWN_LANGUAGE])


def _first(text: str, keys: Iterable[str]) -> int:
    """Where the first of `keys` stands in `text` (-1: none)."""
    found = [i for i in (text.find(k) for k in keys) if i >= 0]
    return min(found, default=-1)


def day_named(lead: str, published: date, words: DayWords) -> date | None:
    """The day a report's folded headline and lead name for its news: yesterday, or a
    weekday among the publication day and the two before it; the first named wins."""
    named: list[tuple[int, date]] = []
    at = _first(lead, words.yesterday)
    if at >= 0 and not _after_word(lead, at, words):
        named.append((at, published - timedelta(days=1)))
    for weekday, keys in enumerate(words.weekdays):
        at = _first(lead, keys)
        if at < 0:
            continue
        back = (published.weekday() - weekday) % 7
        if back <= MAX_DAYS_BACK:
            named.append((at, published - timedelta(days=back)))
    return min(named)[1] if named else None


AFTER_WORDS = 5
"""Words before "yesterday" read for an "after" ("after yesterday's big crash")."""


def _after_word(lead: str, at: int, words: DayWords) -> bool:
    before = lead[max(0, at - 60) : at + 1].split()[-AFTER_WORDS:]
    window = " " + "  ".join(before) + " "
    return _first(window, words.after) >= 0


def started(folded: str, noun_start: int, words: DayWords) -> bool:
    """Whether a start verb stands right before a stage noun starting at folded
    `noun_start`, at most `START_GAP` words between them besides the stage's number ("antes
    de la salida de la 18.ª etapa", "non ripartire per la seconda tappa"): the stage is the
    one a rider starts (or does not). Further off, the verb is another clause's ("did not
    start today after crashing in stage 5")."""
    before = folded[max(0, noun_start - START_REACH) : noun_start + 1].split()[-START_WORDS:]
    if not before:
        return False
    window = " " + "  ".join(before) + " "
    for key in words.starting:
        at = window.rfind(key)
        if at < 0:
            continue
        gap = window[at + len(key) :].split()
        if sum(not _number_word(w) for w in gap) <= START_GAP:
            return True
    return False


def _number_word(word: str) -> bool:
    """A stage's number as folded: "18", "18a", or an ordinal's mark split from it."""
    return word[:1].isdigit() or word in ORDINAL_MARKS
