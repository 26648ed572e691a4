"""Word lists written as one string."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and extend than a list)."""
    return frozenset(text.split())
