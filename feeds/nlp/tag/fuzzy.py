"""Misspelt surnames: of people the story names, or right after a person's exact first
name ("Alexander Vinokurov"), within one or two edits."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz.distance import Levenshtein

from feeds.nlp.cues.names import COMMON_WORDS
from feeds.nlp.tag.names import folded, fuzzy_limit, given_variant
from feeds.nlp.tag.state import ResolverState

# A capitalised word of six letters or more: a candidate misspelling. The capital
# comes first and the look-behind after it, so the scan skips to capitals in C
# instead of testing the look-behind at every character (twice as fast).
_CAP_WORD = re.compile(r"[A-ZÀ-ÞŁŠŽČ](?<!\w[A-ZÀ-ÞŁŠŽČ])\w{5,}")


def misspellings(r: ResolverState) -> None:
    """Misspelt surnames of people in the story, or after a person's exact first name."""
    covered = sorted((f.start, f.end) for f in r.found)
    starts = [s for s, _ in covered]
    covered_ends = [e for _, e in covered]
    surnames = r.lex.surnames
    targets: dict[str, list[tuple[str, str]]] = {}
    for pid in {f.entity_id for f in r.found if not f.is_team}:
        for form in surnames.get(pid, ()):
            if " " not in form and len(form) >= 6:
                targets.setdefault(form[:2], []).append((form, pid))
    by_given = r.lex.by_given
    fuzzy_givens = r.lex.fuzzy_givens
    common = COMMON_WORDS
    text = r.text
    # Per candidate word only dictionary lookups until something could match: a
    # story has dozens of capitalised words and few misspellings.
    for m in _CAP_WORD.finditer(text):
        start = m.start()
        i = bisect_right(starts, start)
        if i and covered_ends[i - 1] > start:
            continue  # inside a mention (the last one starting at or before it)
        raw = m.group()
        word = raw.lower() if raw.isascii() else folded(raw)
        if not word or " " in word or word in common:
            continue
        prefix = word[:2]
        near = targets.get(prefix)
        givens = fuzzy_givens.get((prefix, len(word)))
        if not near and not givens:
            continue
        pid = None
        # An exact first name right before it says whose surname it is ("Mads Pedersens",
        # the Danish genitive, beside Rasmus Søjberg Pedersen named in the story).
        given = r.word_before(start)
        folded_given = None
        if given and given[0].isupper():
            folded_given = given.lower() if given.isascii() else folded(given)
            if givens and folded_given in givens:
                pid = _fuzzy_after_given(surnames, word, by_given[folded_given])
        if pid is None and near:
            pid = _fuzzy_match(word, near)
            if pid is not None and _someone_elses(r, pid, folded_given):
                pid = None
        if pid is not None:
            r.add_person(pid, start, m.end(), "fuzzy")


def _someone_elses(r: ResolverState, pid: str, given: str | None) -> bool:
    """A known first name right before the word that is not the person's own (nor a form
    of it, Luke/Lucas): the word is another person's surname ("Mads Pedersens" is not
    Rasmus Søjberg Pedersen's)."""
    if given is None or given not in r.lex.given_names:
        return False
    own = r.lex.given.get(pid, ())[:1]
    return bool(own) and not given_variant(given, own[0])


def _fuzzy_match(word: str, targets: Iterable[tuple[str, str]]) -> str | None:
    best: list[str] = []
    for form, pid in targets:
        limit = fuzzy_limit(form)
        if abs(len(form) - len(word)) > limit or form == word:
            continue
        if Levenshtein.distance(word, form, score_cutoff=limit) <= limit:
            best.append(pid)
    if not best:
        return None
    best = list(dict.fromkeys(best))
    return best[0] if len(best) == 1 else None


def _fuzzy_after_given(
    surnames: Mapping[str, Sequence[str]], word: str, ids: Sequence[str]
) -> str | None:
    """ "Alexander Vinokurov": an exact first name, then a surname one or two edits off."""
    targets = [
        (form, pid)
        for pid in ids
        for form in surnames.get(pid, ())[:1]
        if len(form) >= 6 and form[:2] == word[:2]
    ]
    return _fuzzy_match(word, targets) if targets else None
