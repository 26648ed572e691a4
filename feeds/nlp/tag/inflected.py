"""Full names with case endings, in languages that decline names: Slovenian writes
"z Joshuo Tarlingom" (Joshua Tarling), "Pellu Bilbau" (Pello Bilbao), "Primoža Rogliča".

The endings are data, per language (`name_case_endings` in the language's lexicon file),
and read only for a story in that language: the feed's declared one, else the one its
stop words tell (as the transfer cues are routed). A name counts only when its first name
AND its surname are a roster person's, each as written or with one of the endings (a final
vowel of the name may drop before it), and at least one of them carries an ending; both
capitalised, next to each other. A lone declined surname is `inflected_surnames`'s to read,
under the rules for a surname alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from feeds.nlp.lexicon import bundled
from feeds.nlp.tag.keys import Hit
from feeds.nlp.tag.names import MIN_STEM, bare_forms
from feeds.nlp.tag.state import ResolverState
from feeds.nlp.transfers.language import OPENING, declared, detect
from feeds.text.fold import fold_tokens

HOW = "inflected"


@cache
def _endings_by_language() -> dict[str, tuple[str, ...]]:
    lexicons = bundled()
    found = {code: lexicons.language(code)["name_case_endings"] for code in lexicons.languages}
    # Longest first: "jem" before "em", so a name keeps the letters that are its own.
    return {code: tuple(sorted(e, key=len, reverse=True)) for code, e in found.items() if e}


def case_endings(language: str | None, text: str) -> tuple[str, ...]:
    """The name endings of the story's language (declared, else told from its opening);
    none for a language that does not decline names or one that cannot be told."""
    by_language = _endings_by_language()
    code = declared(language)
    if code is None:
        code = detect(text[:OPENING].lower())
    return by_language.get(code, ()) if code else ()


def _capitals_class() -> str:
    """A character class of every capital letter of the Basic Multilingual Plane, as ranges."""
    capitals = [c for c in range(0x10000) if chr(c).isupper()]
    ranges: list[tuple[int, int]] = []
    for c in capitals:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )


_UPPER = _capitals_class()
# A word that starts with a capital; the look-behind after the capital, so the scan skips
# to capitals in C (as `fuzzy` does).
# Combining marks (a text not in NFC) stay inside it; its fold splits it as the story's does.
_CAPITALISED_WORD = re.compile(f"[{_UPPER}](?<!\\w[{_UPPER}])[\\w\u0300-\u036f]*")


@lru_cache(maxsize=8)
def capitalised_words(text: str) -> frozenset[str]:
    """The folded words of `text` that start with a capital somewhere in it. The declined
    names' rules read every word of a story, and a name starts with a capital: a set
    look-up tells the few to read, where finding each word in the original text would cost
    more than the rule (the three rules of a story share one scan)."""
    out: set[str] = set()
    for m in _CAPITALISED_WORD.finditer(text):
        raw = m.group()
        if raw.isascii():
            out.add(raw.lower())
        else:
            out.update(fold_tokens(raw))
    return frozenset(out)


@lru_cache(maxsize=64)
def ending_index(endings: tuple[str, ...]) -> tuple[tuple[int, ...], frozenset[str]]:
    """The endings' lengths, longest first, and the endings as a set: a word's endings
    are found by a look-up per length, not a test per ending."""
    return tuple(sorted({len(e) for e in endings}, reverse=True)), frozenset(endings)


def case_stems(word: str, endings: Sequence[str]) -> list[tuple[str, bool]]:
    """(what is left, whether an ending came off) for the word as it is and without each
    ending it has, the longest ending first."""
    out = [(word, False)]
    if not endings:
        return out
    # Every word of a story is asked: four look-ups at most (thirty-odd endings in Slovenian).
    lengths, known = ending_index(tuple(endings))
    size = len(word)
    for n in lengths:
        if size - n >= MIN_STEM and word[-n:] in known:
            out.append((word[:-n], True))
    return out


def _surname_inflected(words: Sequence[str], surname: str, endings: Sequence[str]) -> bool | None:
    """Whether `words` are `surname` with an ending on its last word (True), exactly it
    (False), or not it at all (None). Particles and the first half of a double surname
    stay as they are: "Van Eetveltu", "Fisher-Blacku"."""
    parts = surname.split()
    if len(words) != len(parts) or list(words[:-1]) != parts[:-1]:
        return None
    last = words[-1]
    if last == parts[-1]:
        return False
    forms = bare_forms(parts[-1])
    for stem, _ in case_stems(last, endings)[1:]:
        if stem in forms:
            return True
    return None


def inflected_names(r: ResolverState, pending: list[Hit], endings: Sequence[str]) -> list[Hit]:
    """Add the story's inflected full names; return the pending hits outside them."""
    if not endings:
        return pending
    ft = r.ft
    bare_givens = r.lex.bare_givens
    surnames = r.lex.surnames
    covered = [(f.start, f.end) for f in r.found]
    taken: list[tuple[int, int]] = []
    # Every word is read: the words at once, the capitalised ones in one pass, and a
    # first name's look-up before its stems.
    words = ft.folded.split()[:-1]  # the last word starts no name of two
    capitalised = capitalised_words(r.text)
    lengths, known = ending_index(tuple(endings))
    k = 0
    for i in [i for i, word in enumerate(words) if word in capitalised]:
        if i < k:
            continue  # inside the name just read
        k = i
        word = words[k]
        if word not in bare_givens:
            for n in lengths:
                if word[-n:] in known and word[:-n] in bare_givens:
                    break
            else:
                continue
        candidates: dict[str, bool] = {}
        for stem, inflected in case_stems(word, endings):
            for pid in bare_givens.get(stem, ()):
                candidates[pid] = candidates.get(pid, False) or inflected
        named = _name_at(r, k, candidates, surnames, endings, covered) if candidates else None
        if named is None:
            k += 1
            continue
        pid, start, end, k_end = named
        r.add_person(pid, start, end, HOW)
        r.persons_full.setdefault(pid, []).append(start)
        taken.append((start, end))
        k = k_end
    if not taken:
        return pending
    return [h for h in pending if not any(h[0] < e and s < h[1] for s, e in taken)]


def _name_at(
    r: ResolverState,
    k: int,
    candidates: dict[str, bool],
    surnames: dict[str, tuple[str, ...]],
    endings: Sequence[str],
    covered: list[tuple[int, int]],
) -> tuple[str, int, int, int] | None:
    """(person, start, end, word after) of an inflected full name starting at word k."""
    ft = r.ft
    ids: list[str] = []
    size = 0
    # A surname's first word keeps its first letters (MIN_STEM) under an ending: one
    # comparison turns away most of the people of a common first name.
    opening = ft.word(k + 1)[:MIN_STEM]
    for pid, first_inflected in candidates.items():
        forms = surnames.get(pid)
        if not forms or forms[0].partition(" ")[0][:MIN_STEM] != opening:
            continue
        n = len(forms[0].split())
        if k + n >= ft.word_count:
            continue
        words = [ft.word(i) for i in range(k + 1, k + 1 + n)]
        last_inflected = _surname_inflected(words, forms[0], endings)
        if last_inflected is None or not (first_inflected or last_inflected):
            continue  # not this person, or written exactly (the full-name rule's)
        ids.append(pid)
        size = max(size, n)
    if not ids:
        return None
    start = ft.word_span(k)[0]
    end = ft.word_span(k + size)[1]
    last_start = ft.word_span(k + size)[0]
    text = r.text
    if not (text[start].isupper() and text[last_start].isupper()):
        return None
    if not r.clean_name_gap(start, end) or any(s < end and start < e for s, e in covered):
        return None
    ids = [pid for pid in ids if len(surnames[pid][0].split()) == size]
    pid = ids[0] if len(ids) == 1 else r.pick_person(ids, start)
    if pid is None:
        return None
    return pid, start, end, k + size + 1
