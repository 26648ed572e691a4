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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from types import MappingProxyType

from feeds.races.mentions import ORDINAL_MARKS
from feeds.text.fold import FoldedText, fold_tokens

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


Key = tuple[str, ...]
"""A day word's folded words; a last word ending in * is a word beginning ("vcerajsnj*")."""
DAY_SLOT = "{}"
NOUN_SLOT = "_"


@dataclass(frozen=True, slots=True)
class DayWords:
    """One language's words: day words as folded word tuples, the others as keys over
    folded text (" nao  arranca ")."""

    yesterday: tuple[Key, ...]
    after: tuple[str, ...]
    weekdays: tuple[tuple[Key, ...], ...]
    """Seven tuples of day words, Monday first."""
    starting: tuple[str, ...]
    modifiers: tuple[Key, ...] = ()
    """Shapes of a day word modifying a noun: `{}` the day word, `_` the noun."""
    before_start: tuple[str, ...] = ()
    """"before the start of": a start verb only after a `withdrawn` word."""
    withdrawn: tuple[str, ...] = ()


def _key(entry: str) -> str:
    prefix = entry.endswith("*")
    body = " " + "  ".join(fold_tokens(entry.rstrip("*")))
    return body if prefix else body + " "


def _is_slot(token: str) -> bool:
    return token.startswith("{") and token.endswith("}")


def _words(entry: str) -> Key:
    """A day word or shape as folded words, keeping a final * and the slots."""
    out = []
    for token in entry.split():
        if token == NOUN_SLOT or _is_slot(token):
            out.append(token)  # a day slot may hold the day word's form: "{vcerajsnj*}"
            continue
        folded = fold_tokens(token.rstrip("*"))
        out += folded
        if token.endswith("*") and out:
            out[-1] += "*"
    return tuple(out)


def parse_stage_days(text: str) -> dict[str, DayWords]:
    data = tomllib.loads(text)
    out = {}
    for code, entry in data.items():
        weekdays = tuple(tuple(_words(w) for w in day) for day in entry.get("weekdays", []))
        if weekdays and len(weekdays) != 7:
            raise ValueError(f"{STAGE_DAYS_FILE} [{code}]: weekdays must list seven days")
        modifiers = tuple(_words(m) for m in entry.get("modifier", []))
        if any(sum(map(_is_slot, m)) != 1 or m.count(NOUN_SLOT) != 1 for m in modifiers):
            raise ValueError(f"{STAGE_DAYS_FILE} [{code}]: a modifier holds one {{}} and one _")
        out[code] = DayWords(
            tuple(_words(w) for w in entry.get("yesterday", [])),
            tuple(_key(w) for w in entry.get("after", [])),
            weekdays,
            tuple(_key(w) for w in entry.get("starting", [])),
            modifiers,
            tuple(_key(w) for w in entry.get("before_start", [])),
            tuple(_key(w) for w in entry.get("withdrawn", [])),
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


CLAUSE_WORDS = 60
"""Words read on each side of a crash word for its clause's bounds (a lead's sentence)."""
MAX_CRASH_WORDS = 8
"""Crash words of the headline and lead whose clauses are read, first first."""
_CLAUSE_ENDS = frozenset("!?;:\n")
"""Punctuation that ends a clause; a full stop does too, unless a number's ("5. Etappe")."""


def _clause_break(gap: str, before: str) -> bool:
    """Whether the original text `gap` between two words ends a clause; `before` is the
    word before it (a stop after a number is an ordinal's: "am 5. Mai")."""
    if any(c in _CLAUSE_ENDS for c in gap):
        return True
    return "." in gap and not before[-1:].isdigit()


@dataclass(frozen=True, slots=True)
class Clause:
    """Folded words [first, last) of one clause of a story (word indices)."""

    first: int
    last: int


def clause_of(ft: FoldedText, k: int, lo: int, hi: int) -> Clause:
    """The clause holding folded word `k`, inside words [lo, hi) (a part's), read at most
    `CLAUSE_WORDS` words each way."""
    first = k
    while first > max(lo, k - CLAUSE_WORDS) and not _break_before(ft, first):
        first -= 1
    last = k + 1
    while last < min(hi, k + 1 + CLAUSE_WORDS) and not _break_before(ft, last):
        last += 1
    return Clause(first, last)


def _break_before(ft: FoldedText, k: int) -> bool:
    _, end = ft.word_span(k - 1)
    start, _ = ft.word_span(k)
    return _clause_break(ft.original[end:start], ft.original[max(0, end - 1) : end])


def day_named(
    ft: FoldedText,
    cues: Sequence[tuple[str, int]],
    parts: Sequence[tuple[int, int]],
    published: date,
    words: DayWords,
) -> date | None:
    """The day a report's headline or lead names for its crash: in the clause of a crash
    word (`cues`: ("crash" | "today" | "stage", folded start), in text order; `parts`: the folded
    [start, end) of the headline and of the lead), the day word nearest it, "yesterday" or
    a weekday among the publication day and the two before it. A today word in that clause
    keeps the publication day ("Yesterday's winner crashed today"); a day word that
    modifies another noun ("yesterday's winner", "il vincitore di ieri", "včerajšnji
    zmagovalec") or follows an "after" word is not the crash's day. The first crash word
    whose clause names a day decides; a clause about something else ("His team said on
    Wednesday") holds no crash word."""
    if not _any_day_word(ft.folded, parts, words):
        return None  # most crash stories name no day: no clause is read
    bounds = [(ft.word_index(lo + 1), ft.word_index(max(lo, hi - 2)) + 1) for lo, hi in parts]
    crashes = [ft.word_index(at + 1) for concept, at in cues if concept == "crash"]
    # A day modifying a crash or stage noun is the crash's ("la caduta di ieri").
    crash_words = frozenset((*crashes, *(ft.word_index(a + 1) for c, a in cues if c == "stage")))
    todays = {ft.word_index(at + 1) for concept, at in cues if concept == "today"}
    for k in crashes[:MAX_CRASH_WORDS]:
        part = next(((lo, hi) for lo, hi in bounds if lo <= k < hi), None)
        if part is None:
            continue
        clause = clause_of(ft, k, *part)
        if any(clause.first <= t < clause.last for t in todays):
            return None
        day = _nearest_day(ft, clause, k, crash_words, published, words)
        if day is not None:
            return day
    return None


def _any_day_word(folded: str, parts: Sequence[tuple[int, int]], words: DayWords) -> bool:
    """Whether a day word's first word stands anywhere in the parts (a cheap look first)."""
    heads = {
        " " + key[0].rstrip("*") + ("" if key[0].endswith("*") else " ")
        for keys in (words.yesterday, *words.weekdays)
        for key in keys
    }
    return any(folded.find(head, lo, hi + 1) >= 0 for head in heads for lo, hi in parts)


def _nearest_day(
    ft: FoldedText,
    clause: Clause,
    crash: int,
    crashes: frozenset[int],
    published: date,
    words: DayWords,
) -> date | None:
    """The day named nearest word `crash` in `clause`, when one counts (`crashes`: the
    word indices of every crash word)."""
    clause_words = [ft.word(i) for i in range(clause.first, clause.last)]
    best: tuple[int, date] | None = None
    for day, keys in _day_keys(published, words):
        for key in keys:
            head = key[0]
            prefix = len(key) == 1 and head.endswith("*")
            for i, word in enumerate(clause_words):
                # The first word decides cheaply; the rest only where it stands.
                if (word.startswith(head[:-1]) if prefix else word == head) and _matches(
                    clause_words, i, key
                ):
                    if _modifier(clause_words, i, len(key), clause.first, crashes, words):
                        continue
                    if _after_word(clause_words, i, words):
                        continue
                    distance = abs(clause.first + i - crash)
                    if best is None or distance < best[0]:
                        best = (distance, day)
    return best[1] if best else None


def _matches(clause_words: Sequence[str], i: int, key: Sequence[str]) -> bool:
    """Whether `key`'s words stand from word i (a last word ending in * is a beginning)."""
    if i < 0 or i + len(key) > len(clause_words):
        return False
    for offset, token in enumerate(key):
        word = clause_words[i + offset]
        if token.endswith("*") and token != "*":
            if not word.startswith(token[:-1]):
                return False
        elif token != word:
            return False
    return True


def _day_keys(published: date, words: DayWords) -> Iterator[tuple[date, tuple[Key, ...]]]:
    yield published - timedelta(days=1), words.yesterday
    for weekday, keys in enumerate(words.weekdays):
        back = (published.weekday() - weekday) % 7
        if back <= MAX_DAYS_BACK:
            yield published - timedelta(days=back), keys


def _modifier(
    clause_words: Sequence[str],
    i: int,
    size: int,
    first: int,
    crashes: frozenset[int],
    words: DayWords,
) -> bool:
    """Whether the day word of `size` words at clause word i modifies a noun beside it that
    is not a crash word: one of the language's `modifier` shapes holds it ("{} s _" for
    "yesterday's winner", "_ di {}" for "il vincitore di ieri"). "Yesterday's crash" and
    "la caduta di ieri" name the crash's day."""
    for shape in words.modifiers:
        slot = next(n for n, token in enumerate(shape) if _is_slot(token))
        start = i - slot
        form = shape[slot][1:-1]
        if start < 0 or (form and not _matches(clause_words, i, (form,))):
            continue
        before, after = shape[:slot], shape[slot + 1 :]
        noun: int | None = None
        ok = True
        for offset, token in enumerate(before):
            k = start + offset
            if token == NOUN_SLOT:
                noun = k
            elif not _matches(clause_words, k, (token,)):
                ok = False
                break
        if not ok:
            continue
        for offset, token in enumerate(after):
            k = i + size + offset
            if k >= len(clause_words):
                ok = False
                break
            if token == NOUN_SLOT:
                noun = k
            elif not _matches(clause_words, k, (token,)):
                ok = False
                break
        if ok and noun is not None and first + noun not in crashes:
            return True
    return False


AFTER_WORDS = 5
"""Words before a day word read for an "after" ("after yesterday's big crash")."""


def _after_word(clause_words: Sequence[str], i: int, words: DayWords) -> bool:
    window = " " + "  ".join(clause_words[max(0, i - AFTER_WORDS) : i]) + " "
    return _first(window, words.after) >= 0


def started(folded: str, noun_start: int, words: DayWords) -> bool:
    """Whether a start verb stands right before a stage noun starting at folded
    `noun_start`, at most `START_GAP` words between them besides the stage's number ("did
    not start stage 5", "non ripartire per la seconda tappa"): the stage is the one a rider
    does not (or will) start. Further off, the verb is another clause's ("did not start
    today after crashing in stage 5"). "Before the start of" counts only after a withdrawal
    or a negation ("abandonó antes de la salida de la 18.ª etapa"): alone it is where a
    crash happened ("crashed before the start of stage 5")."""
    reach = START_REACH + WITHDRAWN_REACH
    read = folded[max(0, noun_start - reach) : noun_start + 1].split()
    before = read[-START_WORDS:]
    if not before:
        return False
    window = " " + "  ".join(before) + " "
    if any(_near(window, key) for key in words.starting):
        return True
    for key in words.before_start:
        if not _near(window, key):
            continue
        # The words before it in its clause (a bounded look back).
        at = len(window[: window.rfind(key) + 1].split())
        back = read[: len(read) - len(before) + at][-WITHDRAWN_WORDS:]
        if _first(" " + "  ".join(back) + " ", words.withdrawn) >= 0:
            return True
    return False


WITHDRAWN_WORDS = 12
"""Words before "before the start of" read for a withdrawal or a negation."""
WITHDRAWN_REACH = 160
"""Folded characters those words are looked for in."""


def _near(window: str, key: str) -> bool:
    """Whether `key` stands in `window` at most `START_GAP` words (besides a stage's number)
    before the window's end (the stage noun)."""
    at = window.rfind(key)
    if at < 0:
        return False
    gap = window[at + len(key) :].split()
    return sum(not _number_word(w) for w in gap) <= START_GAP


def _number_word(word: str) -> bool:
    """A stage's number as folded: "18", "18a", or an ordinal's mark split from it."""
    return word[:1].isdigit() or word in ORDINAL_MARKS
