"""Context decisions: whether a story is about cycling at all, and whether a team's
one word (Jumbo, Astana, Total) is the team where it stands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from feeds.nlp.cues.names import COMMON_WORDS
from feeds.nlp.cues.team_words import PLACE_PREPOSITIONS, PLACE_TEAM_WORDS, RACE_WORDS
from feeds.nlp.fold import FoldedText
from feeds.nlp.tag.keys import KeyInfo

if TYPE_CHECKING:
    from feeds.nlp.tag.resolver import Resolver

# Cycling context: weight of vocabulary and entities a story needs.
CONTEXT_NEEDED = 2
STRONG_CUE_WEIGHT = 2
WEAK_CUE_WEIGHT = 1
WEAK_CUE_CAP = 2
ENTITY_WEIGHT = 2


def vocabulary_weights(
    vocab: int, weak_vocab: int, feed_is_cycling: bool | None
) -> tuple[int, int]:
    """(strong, weak) weight of a story's cycling words; a cycling feed is strong."""
    # Everyday words (race, team, season) only add to real evidence: on their own
    # they describe Formula 1, football and golf as well.
    strong = vocab + (CONTEXT_NEEDED if feed_is_cycling else 0)
    return strong, min(weak_vocab, WEAK_CUE_CAP)


def is_cycling(strong_vocab: int, weak_vocab: int, entities: int) -> bool:
    real = strong_vocab + ENTITY_WEIGHT * entities
    return real > 0 and real + weak_vocab >= CONTEXT_NEEDED


def weak_team(r: Resolver, info: KeyInfo, start: int, end: int, k0: int, k1: int) -> bool:
    """A team word that may be something else: the team, or nothing at all, here.

    True when that settles the occurrence either way; False when it is no team word,
    or is also a person's name or alias (the person rules decide).
    """
    teams = info.teams
    if not teams:
        return False
    if info.names or info.aliases:
        return False
    if not r.any_capital(start, end) or r.near_company(k0, k1):
        return True  # a team word that is not a team here: nothing else either
    if race_name(r.ft, k0, k1):
        return True  # "UAE Tour", "Tour of Bahrain"
    if info.key in PLACE_TEAM_WORDS and k0 > 0 and r.ft.word(k0 - 1) in PLACE_PREPOSITIONS:
        return True  # "the stage finished in Astana": the city
    if r.sentence_initial(start) and (info.key in COMMON_WORDS or r.used_lowercase(info.key)):
        return True  # "Drops of rain fell...", "Total prize money..."
    tid = r.pick_team([p.team_id for p in teams], start)
    if tid is None:
        return True
    r.add_team(tid, start, end, teams[0].how)
    return True


def race_name(ft: FoldedText, k0: int, k1: int) -> bool:
    n = ft.word_count
    after = ft.word(k1) if k1 < n else ""
    if after in RACE_WORDS:
        return True
    return k0 >= 2 and ft.word(k0 - 1) in ("of", "de", "van") and ft.word(k0 - 2) in RACE_WORDS
