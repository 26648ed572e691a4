"""Team names with case endings, in languages that decline names (the same
`name_case_endings` as `inflected`): Slovenian writes "pri Soudalu Quick-Stepu" (Soudal
Quick-Step), "iz vrst Movistarja" (Movistar), "pri Vismi Lease a Bike" (Visma | Lease a Bike).

A team counts when its name's first word, capitalised, and its last word each are as
written or carry an ending (the final vowel of the name may change before it: Visma ->
Vismi), the words between are as written, and at least one word carries an ending. Only
team names: a person's name, or a word that is also one, is the person rules' to read.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from feeds.nlp.cues.team_words import PLACE_PREPOSITIONS, PLACE_TEAM_WORDS
from feeds.nlp.tag.inflected import capitalised_words, case_stems
from feeds.nlp.tag.keys import Hit, KeyInfo
from feeds.nlp.tag.state import ResolverState
from feeds.nlp.tag.weak_teams import race_name

HOW = "inflected"
# Words of the longest team name read this way ("Visma Lease a Bike").
MAX_TEAM_WORDS = 4
_VOWELS = "aeiou"


def _forms(word: str, endings: Sequence[str]) -> list[str]:
    """The word without each ending it has, and with a final vowel the ending replaced;
    the word as written first."""
    stems = case_stems(word, endings)
    if len(stems) == 1:
        return [word]  # no ending: most words, asked for every word of a story
    out = [word]
    for stem, _ in stems[1:]:
        out.append(stem)
        out.extend(stem + vowel for vowel in _VOWELS)
    return list(dict.fromkeys(out))


def inflected_teams(r: ResolverState, pending: list[Hit], endings: Sequence[str]) -> list[Hit]:
    """Add the story's declined team names; return the pending hits outside them."""
    if not endings:
        return pending
    ft = r.ft
    firsts = r.lex.team_first_words
    covered = _disjoint((f.start, f.end) for f in r.found)
    taken: list[tuple[int, int]] = []
    count = ft.word_count
    words = ft.folded.split()  # every word is read: all at once
    capitalised = capitalised_words(r.text)  # and a team's name starts with a capital
    k = 0
    while k < count:
        word = words[k]
        heads = [f for f in _forms(word, endings) if f in firsts] if word in capitalised else []
        found = None
        # Where a word is in the original text costs more than its forms: only for a
        # team's first word.
        start = ft.word_span(k)[0] if heads else -1
        if heads and r.text[start].isupper() and not _inside(start, covered):
            found = _team_at(r, k, heads, endings)
        if found is None:
            k += 1
            continue
        size, info = found
        if size == 1 and _not_the_team(r, k, info):
            k += 1
            continue
        end = ft.word_span(k + size - 1)[1]
        ids = [t.team_id for t in info.teams]
        tid = ids[0] if len(set(ids)) == 1 else r.pick_team(ids, start)
        if tid is not None:
            r.add_team(tid, start, end, HOW)
            taken.append((start, end))
        k += size
    if not taken:
        return pending
    return [h for h in pending if not any(h[0] < e and s < h[1] for s, e in taken)]


def _team_at(
    r: ResolverState, k: int, heads: list[str], endings: Sequence[str]
) -> tuple[int, KeyInfo] | None:
    """(words, key) of the longest declined team name starting at word k."""
    ft = r.ft
    automaton = r.lex.matcher.automaton
    if automaton is None:
        return None
    for size in range(min(MAX_TEAM_WORDS, ft.word_count - k), 0, -1):
        words = [ft.word(i) for i in range(k, k + size)]
        lasts = _forms(words[-1], endings) if size > 1 else [""]
        for head in heads:
            for last in lasts:
                key = [head, *words[1:-1], last] if size > 1 else [head]
                if key == words:
                    continue  # as written: the matcher's, not this rule's
                value = automaton.get(" " + "  ".join(key) + " ", None)
                info = value[1][0] if value else None
                if info is not None and info.teams and not info.person:
                    return size, info
    return None


def _not_the_team(r: ResolverState, k: int, info: KeyInfo) -> bool:
    """A team's one word that is a place ("v Astani": in Astana), a race ("Touru") or a
    company here, as `weak_teams` reads the word as written."""
    ft = r.ft
    if r.near_company(k, k + 1) or race_name(ft, k, k + 1):
        return True
    return info.key in PLACE_TEAM_WORDS and k > 0 and ft.word(k - 1) in PLACE_PREPOSITIONS


def _disjoint(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The spans merged where they overlap, as sorted starts and their ends: a position is
    looked up in them by bisection (a hostile list names thousands)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside(pos: int, covered: tuple[list[int], list[int]]) -> bool:
    starts, ends = covered
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]
