"""Surnames that are also first names ("Christian", "Oliver", "Scott", "Finn"): alone,
such a word directly followed by another name is the first name of someone else
("Christian Prudhomme", "Oliver Mintzlaff"), not the rider whose surname it is."""

from __future__ import annotations

import re
from functools import cache

from feeds.nlp.cues.names import COMMON_WORDS, ROLE_WORDS
from feeds.nlp.lexicon import bundled
from feeds.nlp.tag.keys import KeyInfo
from feeds.nlp.tag.state import ResolverState
from feeds.nlp.tag.story import HYPHENS
from feeds.text.fold import fold_tokens

# Only spaces may separate a first name from the name it begins: a comma, a bracket or
# a line break after the surname ends the mention ("Oliver (Modern Adventure)").
_NAME_SPACES = frozenset(" \u00a0")
_QUOTES = "\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb"
_NICKNAME_OPEN = re.compile(f"[ \u00a0]+[{_QUOTES}]")
_NICKNAME_CLOSE = re.compile(f"[{_QUOTES}][ \u00a0]+")
# Lower-case particles of Dutch, Flemish and German family names ("Gilbert de Weerdt",
# "Christian von Eckenstein", "Thomas van der Berg"): a first name may be followed by them
# before the capitalised name. The Romance ones (di, da, del, la) are left out: they are
# also prepositions after a surname ("Milan di Lidl-Trek" names the team, which the
# team check would catch, but "Thomas da Ineos a Q36.5" would not). "der", "den" and "de"
# are articles too ("als Finn den Zielstrich überquerte", "war Dennis der Schnellste"):
# they begin no name, only follow "van" or "von" ("van der Poel", "von der Osten").
_NAME_PARTICLES = frozenset({"van", "von", "de", "ten", "ter", "vanden", "vander"})
_INNER_PARTICLES = frozenset({"der", "den", "de"})
_INNER_AFTER = frozenset({"van", "von"})
# A staff role's word ends a compound role in the Germanic languages ("Sportdirektor",
# "sportsdirektør", "Teamchef"): a role word this long or longer may end a longer word.
_ROLE_SUFFIX_MIN = 4


def starts_other_name(r: ResolverState, info: KeyInfo, end: int, k1: int) -> bool:
    """The surname-only mention ending at `end` (word k1 next) is a first name here.

    It is when the surname is also a first name of the roster's people (or of the common
    first names) and the next word, one space away, is capitalised for no other reason:
    not an everyday, cycling, role or nationality word (German capitalises nouns, English
    days), not the start of a team's name ("Scott Lidl-Trek" in a results line), not a
    Title Case headline, not a hyphenated compound (a race, "Milano-Sanremo").

    A name particle between them ("Gilbert de Weerdt") makes the mention someone else's
    only after a staff role ("ploegleider Gilbert de Weerdt"): a particle is also an
    article or a preposition before a place, a climb or a noun ("Nadat Gilbert de Oude
    Kwaremont opreed", "Gilbert von Kilometer 55 an", "a acclamé Gilbert de
    Remouchamps"), which a role before the first name rules out.
    """
    key = info.key.strip()
    if " " in key:
        return False
    given = key in r.lex.given_names
    particle = _particle_at(r, k1)
    if not given and not particle:
        return False
    if r.title_case_line(end):
        return False
    k = _next_name_word(r, end, k1)
    if k is None:
        return False
    if particle and k != k1 and not _after_staff_role(r, k1 - 2):
        return False
    if not given and not (particle and k != k1):
        return False
    ns, ne = r.ft.word_span(k)
    raw = r.text[ns:ne]
    if not raw[:1].isupper() or not raw.isalpha():
        return False  # "Oliver won", "Scott 2nd"
    if r.text[ne : ne + 1] in HYPHENS:
        return False
    word = r.ft.word(k)
    if (
        word in COMMON_WORDS
        or word in ROLE_WORDS
        or word in r.lex.vocab_words
        or word in r.lex.nationality_words
    ):
        return False
    return not _team_starts_at(r, ns)


def _particle_at(r: ResolverState, k: int) -> bool:
    if k >= r.ft.word_count:
        return False
    ns, ne = r.ft.word_span(k)
    return r.text[ns:ne] in _NAME_PARTICLES


def _after_staff_role(r: ResolverState, k: int) -> bool:
    """Word k is a staff role's word ("ploegleider", "Sportdirektor", "boss") of any
    language's lexicon, or a compound ending in one."""
    if k < 0:
        return False
    word = r.ft.word(k)
    roles = _staff_role_words()
    if word in roles:
        return True
    return any(
        len(role) >= _ROLE_SUFFIX_MIN and len(word) > len(role) and word.endswith(role)
        for role in roles
    )


@cache
def _staff_role_words() -> frozenset[str]:
    """The last word of every language's staff roles and bosses' titles ("sports
    director", "ploegleider", "Teamchef"), folded."""
    lexicons = bundled()
    words: set[str] = set()
    for code in lexicons.languages:
        language = lexicons.language(code)
        for field in ("staff_roles", "boss_titles"):
            for phrase in language[field]:
                tokens = fold_tokens(phrase)
                if tokens:
                    words.add(tokens[-1])
    return frozenset(words)


def _next_name_word(r: ResolverState, end: int, k1: int) -> int | None:
    """The word after the surname, spaces apart, or after a quoted nickname
    ('Christian “Gummi” Andersen', "Oliver 'Olly' Smith"): its index, else None."""
    words = r.ft.word_count
    if k1 >= words:
        return None
    ns, ne = r.ft.word_span(k1)
    gap = r.text[end:ns]
    if gap and _NAME_SPACES.issuperset(gap):
        return _past_particles(r, k1, ne)
    if k1 + 1 >= words or not _NICKNAME_OPEN.fullmatch(gap):
        return None
    after_ns = r.ft.word_span(k1 + 1)[0]
    return k1 + 1 if _NICKNAME_CLOSE.fullmatch(r.text[ne:after_ns]) else None


def _team_starts_at(r: ResolverState, pos: int) -> bool:
    return r.team_hit_at(pos) is not None


def _past_particles(r: ResolverState, k: int, end: int) -> int | None:
    """Word k, or the word after the lower-case name particles that begin there
    ("de Weerdt", "van der Berg"), spaces apart; None when the particles end the text or
    are followed by anything else than spaces and a word."""
    raw = r.text[r.ft.word_span(k)[0] : end]
    if raw not in _NAME_PARTICLES:
        return k
    while k + 1 < r.ft.word_count:
        ns, ne = r.ft.word_span(k + 1)
        if not _NAME_SPACES.issuperset(r.text[end:ns]) or ns == end:
            return None
        k, end, previous = k + 1, ne, raw
        raw = r.text[ns:ne]
        if raw not in _INNER_PARTICLES or previous not in _INNER_AFTER:
            return k
    return None
