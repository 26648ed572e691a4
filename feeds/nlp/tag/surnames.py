"""Names short of a full name: roster aliases, and surnames alone ("Pogačar") or after
someone else's first name ("Tiger Woods", "Sam Bennett")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from feeds.nlp.cues.names import COMMON_WORDS, PARTICLES, ROLE_WORDS
from feeds.nlp.tag.given_surnames import starts_other_name
from feeds.nlp.tag.keys import Hit, KeyInfo
from feeds.nlp.tag.names import given_variant
from feeds.nlp.tag.state import ResolverState
from feeds.nlp.tag.story import HYPHENS

# How far (characters) a team may sit from a surname to settle who it is.
NEARBY_TEAM_CHARS = 80
# A surname alone in capitals this short is a team's three-letter UCI code.
UCI_CODE_LETTERS = 3


@dataclass(slots=True)
class Shadows:
    """What the words before the story's surnames say, read before any surname counts."""

    keys: set[str] = field(default_factory=set)
    """Surnames that in this story belong to someone else ("Tiger Woods", "Sam Bennett")."""
    foreign_starts: set[int] = field(default_factory=set)
    """Where such a surname follows another first name."""
    variant_names: dict[int, str] = field(default_factory=dict)
    """Where a surname follows a variant of its own rider's first name: start -> rider."""


def alias(r: ResolverState, info: KeyInfo, start: int, end: int) -> bool:
    ids = info.alias_ids
    if not ids:
        return False
    if info.alias_weak and not r.capitalised(start, end):
        return False
    pid = ids[0] if len(ids) == 1 else r.pick_person(ids, start)
    if pid is None:
        return False
    r.add_person(pid, start, end, "alias")
    return True


def shadowed_surnames(r: ResolverState, pending: list[Hit]) -> Shadows:
    """Surnames that in this story belong to someone else ("Tiger Woods", "Sam Bennett")."""
    shadows = Shadows()
    text = r.text
    for start, end, k0, _k1, info in pending:
        surnames = info.plain_surnames
        if not surnames or not r.capitalised(start, end):
            continue
        prev = r.prev_word(k0, start)
        if prev is None:
            continue
        word, ps, _ = prev
        if not text[ps].isupper() or _is_title_word(r, word):
            continue
        named_here = any(p.person_id in r.persons_full for p in surnames)
        if not (
            _looks_given(r, word)
            # The story names the rider in full, so another capitalised word in
            # front of the surname ("Lars Philipsen") is another first name.
            or (named_here and word not in COMMON_WORDS and not r.sentence_initial(ps))
            # Or a first name no list knows, written like one ("Servais Knaven").
            or _unknown_given(r, word, ps, k0)
        ):
            continue
        # A variant of the person's own first name: Lucas/Luke Plapp, Kayden/Kaden; or
        # that first name, then a middle name the roster lacks: "Florian Samuel
        # Kajamini", "Rasmus Fossum Tiller".
        before = r.prev_word(k0 - 1, ps)
        for p in surnames:
            own = r.lex.given.get(p.person_id, ())[:1]
            if any(given_variant(word, g) for g in own) or _own_then_middle(r, before, own):
                shadows.variant_names[start] = p.person_id
                break
        else:
            shadows.keys.add(info.key)
            shadows.foreign_starts.add(start)
    return shadows


def _own_then_middle(
    r: ResolverState, before: tuple[str, int, int] | None, own: tuple[str, ...]
) -> bool:
    """The word before a middle name is the person's own first name, capitalised."""
    return before is not None and bool(own) and before[0] == own[0] and r.text[before[1]].isupper()


def _unknown_given(r: ResolverState, word: str, ps: int, k0: int) -> bool:
    """A first name the lists do not know ("sports director Servais Knaven"): a
    capitalised word, written like a name, inside a sentence of ordinary prose, that
    is no everyday, cycling or entity word. Titles, roles and nationalities are
    already excluded by the caller."""
    raw = r.text[ps : ps + len(word)]
    if len(word) < 3 or not raw.isalpha() or not raw[1:].islower():
        return False  # "UAE", "EF", "AG2R", initials
    if r.text[ps - 1 : ps] in HYPHENS:
        return False  # the end of a compound ("Stundenrekord-Ingenieur Bigham")
    if word in COMMON_WORDS or word in r.lex.vocab_words:
        return False
    if r.sentence_initial(ps) or r.title_case_line(ps):
        return False
    # Part of another match (a team, a name, a nationality): not a first name.
    return k0 - 1 not in r.hit_last_words


def _is_title_word(r: ResolverState, word: str) -> bool:
    return (
        word in ROLE_WORDS or word in PARTICLES or word in r.lex.nationality_words or len(word) <= 1
    )


def _looks_given(r: ResolverState, word: str) -> bool:
    """A known first name (roster or common ones): "Tiger", "Sam", "Adam".

    Only known names: in German every noun is capitalised ("Teamkollege Pogačar"),
    and in headlines every word is.
    """
    return word in r.lex.given_names


def surname(
    r: ResolverState,
    info: KeyInfo,
    start: int,
    end: int,
    k1: int,
    shadows: Shadows,
) -> bool:
    keys = info.surnames
    if not keys or not r.capitalised(start, end) or r.in_compound(start, end):
        return False
    if end - start <= UCI_CODE_LETTERS and r.text[start:end].isupper():
        return False  # "BEX", "JAY": a team's UCI code, not a surname
    initial, key = info.surname_initial, info.key
    if initial and not r.text[start : start + 1].isupper():
        # "e Paleni" (Italian "and"), "à Avoine" (French "at"): a word and the surname
        # alone, read as the bare surname is, not the initial of "E. Paleni".
        initial, key = False, key.replace(f"{key.split()[0]} ", "", 1)
        rest = r.text[start + 1 : end]
        start = end - len(rest.lstrip(" .\u00a0"))
    if not initial and starts_other_name(r, info, end, k1):
        return False  # "Christian Prudhomme" is not Sean Christian, even in his story
    if start in shadows.foreign_starts:
        return False  # "Joe Pidcock" is not Tom Pidcock, even in Tom's story
    ids = info.surname_ids
    # Everyday words (of any language, or of the story's: German "Zimmer", Portuguese
    # "Reis"), and any word in a Title Case Headline ("Chinese Brand XDS ..."), need more
    # than capitals.
    weak = info.surname_weak or key in r.everyday or r.title_case_line(start)
    # Named in full somewhere in this story: that one (the nearest earlier one).
    named = [i for i in ids if i in r.persons_full]
    if start in shadows.variant_names:
        pid: str | None = shadows.variant_names[start]
    elif named:
        pid = _nearest_named(r, named, start)
    else:
        folded_key = key
        if folded_key in shadows.keys:
            return False
        if initial:
            pid = r.pick_person(ids, start)
        elif weak:
            # An everyday word (Woods, August, Power) alone is that word, unless a
            # team of its bearer stands right next to it.
            if r.used_lowercase(folded_key):
                return False
            pid = _by_nearby_team(r, ids, start, end)
            if pid is None:
                r.unsettled.append((start, end, ids))
        else:
            pid = _by_nearby_team(r, ids, start, end) or r.pick_person(ids, start)
    if pid is None:
        return False
    how = "initial" if initial else "surname"
    r.add_person(pid, start, end, how)
    return True


def _nearest_named(r: ResolverState, named: list[str], pos: int) -> str:
    if len(named) == 1:
        return named[0]  # the usual case: one person of that surname named in full

    def score(pid: str) -> tuple[int, int]:
        starts = r.persons_full[pid]
        before = [s for s in starts if s <= pos]
        return (1, max(before)) if before else (0, -min(starts))

    return max(named, key=score)


def _by_nearby_team(r: ResolverState, ids: Sequence[str], start: int, end: int) -> str | None:
    near = {
        f.entity_id
        for f in r.found
        if f.is_team and f.end >= start - NEARBY_TEAM_CHARS and f.start <= end + NEARBY_TEAM_CHARS
    }
    if not near:
        return None
    hits = [i for i in ids if r.person(i).team_on(r.published) in near]
    return hits[0] if len(hits) == 1 else None
