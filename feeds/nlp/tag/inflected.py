"""Full names with case endings, in languages that decline names: Slovenian writes
"z Joshuo Tarlingom" (Joshua Tarling), "Pellu Bilbau" (Pello Bilbao), "Primoža Rogliča".

The endings are data, per language (`name_case_endings` in the language's lexicon file),
and read only for a story in that language: the feed's declared one, else the one its
stop words tell (as the transfer cues are routed). A name counts only when its first name
AND its surname are a roster person's, each as written or with one of the endings (a final
vowel of the name may drop before it), and at least one of them carries an ending; both
capitalised, next to each other. A lone inflected word never names anyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from feeds.nlp.lexicon import bundled
from feeds.nlp.tag.keys import Hit
from feeds.nlp.tag.names import MIN_STEM, bare_forms
from feeds.nlp.tag.state import ResolverState
from feeds.nlp.transfers.language import OPENING, declared, detect

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


def case_stems(word: str, endings: Sequence[str]) -> list[tuple[str, bool]]:
    """(what is left, whether an ending came off) for the word as it is and without each
    ending it has."""
    out = [(word, False)]
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            out.append((word[: -len(ending)], True))
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
    count = ft.word_count
    k = 0
    while k < count - 1:
        word = ft.word(k)
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
    for pid, first_inflected in candidates.items():
        forms = surnames.get(pid)
        if not forms:
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
