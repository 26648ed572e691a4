"""Pieces every lookup cog uses: resolving typed names and autocomplete choices."""

from __future__ import annotations

from discord import app_commands

from bot.names import MAX_CHOICES, NameIndex
from bot.tree import AmbiguousName, UnknownName

STORIES_PER_PAGE = 5


def per_user_cooldown():
    """Ten uses of one command per user in 20 s: enough for anyone, not for a script.

    A fresh decorator per command, so each command keeps its own buckets.
    """
    return app_commands.checks.cooldown(10, 20.0, key=lambda i: i.user.id)


def resolve(index: NameIndex, typed: str, kind: str) -> str:
    """The id `typed` names (an autocomplete choice's value, or free text), else
    UnknownName carrying the closest names as suggestions."""
    entity_id = index.resolve(typed)
    if entity_id is not None:
        return entity_id
    several = index.candidates(typed)
    if len(several) > 1:
        raise AmbiguousName(kind, typed, [index.labels[i] for i in several])
    raise UnknownName(kind, typed, [m.label for m in index.search(typed, limit=5)])


def choices(index: NameIndex, current: str) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=match.label, value=match.id)
        for match in index.search(current, limit=MAX_CHOICES)
    ]
