"""Surnames alone with a case ending, in languages that put endings on names: Slovenian
"pridružil Rogliču" (dative), "brez Pogačarja" (genitive), "s Pogačarjem"; the genitive -s
of German, Dutch, Danish and Norwegian ("Pogačars Angriff", "Vingegaards sejr").

The endings are the language's `name_case_endings` (`inflected`). A capitalised word that
is a surname plus one of them becomes a candidate like the surname as written, and the
rules for a lone surname then settle it (`surnames.surname`: who else the story names, the
first name before it, the team beside it), so it names someone only where the plain
surname would. A declined word claims less than a plain one, so it also needs:

- one surname behind it: every way of taking an ending off leads to the same key, and that
  key is a surname only (no team, first name, cycling word, nationality or alias);
- a strong surname: no everyday word, sponsor's or race's word, nor a first name (a first
  name declines the same way: "Simona" is Simon's);
- a word that is no known word itself: not a key of the automaton (the matcher read it
  as written), nor an everyday, cycling or first name, nor used in lower case here;
- a stem of `MIN_STEM` letters at least, before a vowel is put back.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from feeds.nlp.cues.names import COMMON_WORDS, PARTICLES
from feeds.nlp.tag.inflected import capitalised_words, case_stems, ending_index
from feeds.nlp.tag.keys import Hit, KeyInfo
from feeds.nlp.tag.names import given_variant
from feeds.nlp.tag.state import ResolverState

# Letters a surname keeps before its ending: "Husa" (Hus) is too little to go on.
MIN_STEM = 4
# Particles before a declined last word: "van Aertu", "van der Poela".
MAX_PARTICLES = 2
_VOWELS = "aeiou"
# The final vowels an ending replaces; the others stay before it.
_DROPPED_VOWELS = "ao"
# The genitive ending that is also a plural (nl, da, no) or an everyday genitive (de).
PLURAL_ENDING = "s"


def inflected_surnames(r: ResolverState, pending: list[Hit], endings: Sequence[str]) -> list[Hit]:
    """The pending hits with a candidate added for each declined lone surname, in text
    order; the surname rule (`surnames.surname`) then reads them as it reads the others."""
    if not endings:
        return pending
    automaton = r.lex.matcher.automaton
    if automaton is None:
        return pending
    ft = r.ft
    suffixes = tuple(endings)
    busy = {k for hit in pending for k in range(hit[2], hit[3])}
    alone = {hit[2] for hit in pending if hit[2] + 1 == hit[3]}  # one word read as written
    spans = sorted((f.start, f.end) for f in r.found)
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    added: list[Hit] = []
    capitalised = capitalised_words(r.text)
    words = ft.folded.split()
    # Set and string tests first, on the words at once: most words are no capitalised
    # word with an ending; where a word is in the original text costs more.
    for k in [k for k, word in enumerate(words) if word in capitalised]:
        word = words[k]
        if len(word) <= MIN_STEM or not word.endswith(suffixes) or k in busy - alone:
            continue
        # A word read as written ("Poels", "Aerts") gives way only to a particle name
        # declined: "Van der Poels" is Van der Poel's, not Poels.
        found = _declined_surname(r, k, word, suffixes, particles_only=k in busy)
        if found is None:
            continue
        start, end = ft.word_span(k)
        if not r.text[start].isupper():
            continue
        i = bisect_right(starts, start)
        if i and ends[i - 1] > start:
            continue  # inside a mention already found (a declined full name or team)
        info, first = found
        if busy.intersection(range(first, k)):
            continue  # a particle that is part of another name
        if r.used_lowercase(r.text[start:end].lower()):
            continue  # an ordinary word of this story ("Kosa", "Landes")
        if _after_someone_elses_name(r, first, info, suffixes):
            continue
        added.append((ft.word_span(first)[0] if first < k else start, end, first, k + 1, info))
    if PLURAL_ENDING in suffixes:
        # A particle before the word rules out a plural: "Van der Poels" is a name.
        plural = [h for h in added if words[h[3] - 1].endswith(PLURAL_ENDING) and h[2] + 1 == h[3]]
        added = [h for h in added if h not in plural] + _named_otherwise(r, pending, plural)
    if not added:
        return pending
    # the word alone, read as written, gives way to its particle name declined
    declined = {h[3] - 1 for h in added if h[2] + 1 < h[3]}
    kept = [h for h in pending if not (h[2] + 1 == h[3] and h[2] in declined)]
    return sorted([*kept, *added], key=lambda hit: hit[0])


def _named_otherwise(r: ResolverState, pending: list[Hit], added: list[Hit]) -> list[Hit]:
    """The declined surnames whose person the story also names another way, by full name
    or by plain surname. The ending -s alone is weak evidence: in Dutch and German it is
    also the plural or genitive of everyday words ("Molenaars en Bakkers", "Bernals
    Restaurant") that share their stem with some rider's surname. (Measured: asking the
    same of the Slovenian endings cost five right riders and saved none.)"""
    named = {f.entity_id for f in r.found if not f.is_team}
    named.update(pid for hit in pending for pid in hit[4].surname_ids)
    return [hit for hit in added if named.intersection(hit[4].surname_ids)]


def _declined_surname(
    r: ResolverState, k: int, word: str, endings: tuple[str, ...], particles_only: bool = False
) -> tuple[KeyInfo, int] | None:
    """(the surname's key, its first word) when word k, folded `word`, reads as one
    surname with an ending: look-ups only, before the text around it is read. With
    `particles_only`, only a reading with the particles before it (the word is a key)."""
    particles = _particles_before(r, k)
    if particles_only and not particles:
        return None
    if _known_word(r, word, as_written=not particles_only):
        return None
    automaton = r.lex.matcher.automaton
    found: dict[str, tuple[KeyInfo, int]] = {}
    lengths, known = ending_index(endings)
    for n in lengths:
        if word[-n:] not in known or len(word) - n < MIN_STEM:
            continue
        for bare in _bare_surnames(word[:-n]):
            # The longest reading first: "van der Poela" before "der Poela", "Poela".
            for n in range(len(particles), 0 if particles_only else -1, -1):
                key = "  ".join([*particles[len(particles) - n :], bare])
                value = automaton.get(" " + key + " ", None)
                if value is not None and _surname_only(r, value[1][0]):
                    found.setdefault(value[1][0].key, (value[1][0], k - n))
                    break
    if len(found) != 1:
        return None  # no surname, or two people's surnames: the word says too little
    return next(iter(found.values()))


def _after_someone_elses_name(
    r: ResolverState, first: int, info: KeyInfo, endings: tuple[str, ...]
) -> bool:
    """A capitalised first name, as written or declined, right before the surname, and no
    form of its people's own: "Joshuo Pogačarja" is someone else, as "Joshua Pogačar" is
    (`surnames.shadowed_surnames`); "Lea Hayterja" is Leo Hayter's (`given_variant`)."""
    prev = r.prev_word(first)
    if prev is None:
        return False
    word, ps, _ = prev
    if not r.text[ps].isupper() or word in COMMON_WORDS or word in r.lex.vocab_words:
        return False
    lex = r.lex
    givens = [
        stem
        for stem, _ in case_stems(word, endings)
        if stem in lex.given_names or stem in lex.bare_givens
    ]
    if not givens:
        return False
    own = [g for pid in info.surname_ids for g in lex.given.get(pid, ())[:1]]
    return not any(given_variant(form, g) for form in givens for g in own)


def _bare_surnames(stem: str) -> list[str]:
    """The surname words a stem may be: the stem itself ("Pogačar-ja", "Ciccone-ju"),
    with the -a or -o the ending replaced ("Bilba-u": Bilbao; a name in -e or -i keeps
    it: "Vivianija"), or with its fleeting e back ("Mezgc-a": Mezgec)."""
    out = [stem, *(stem + vowel for vowel in _DROPPED_VOWELS)]
    if stem[-1] not in _VOWELS and stem[-2] not in _VOWELS:
        out.append(stem[:-1] + "e" + stem[-1])
    return out


def _particles_before(r: ResolverState, k: int) -> list[str]:
    """The particle words right before word k, nearest last ("van der")."""
    out: list[str] = []
    j = k - 1
    while j >= 0 and len(out) < MAX_PARTICLES and r.ft.word(j) in PARTICLES:
        out.insert(0, r.ft.word(j))
        j -= 1
    return out


def _surname_only(r: ResolverState, info: KeyInfo) -> bool:
    """A key that is one or more people's strong surname and nothing else."""
    if not info.plain_surnames or info.surname_weak:
        return False
    if info.teams or info.names or info.aliases or info.nation or info.cue or info.company:
        return False
    key = info.key
    return key not in COMMON_WORDS and key not in r.everyday and key not in r.lex.given_names


def _known_word(r: ResolverState, word: str, as_written: bool = True) -> bool:
    """A word the lists know as it is written: it says what it is without an ending.
    `as_written`: a key of the automaton counts too."""
    if word in COMMON_WORDS or word in r.everyday or word in r.lex.given_names:
        return True
    if word in r.lex.vocab_words or word in r.lex.nationality_words:
        return True
    automaton = r.lex.matcher.automaton
    known = automaton is not None and automaton.get(" " + word + " ", None) is not None
    return as_written and known
