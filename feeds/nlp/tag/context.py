"""Cycling context: whether a story is about cycling at all, from the weight of its
cycling words and of the riders and teams it names (a team's one word, Jumbo or Astana,
is settled where it stands: see `weak_teams`)."""

from __future__ import annotations

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
