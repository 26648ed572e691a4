"""Plain data passed along the flow feeds -> stories -> tags -> storage.

These are the contracts between the parts of `feeds/` and between `feeds/` and
`storage/`; every field is plain Python so the objects cross threads and
processes freely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

MoveStatus = Literal["confirmed", "rumour"]
MoveStage = Literal["rumour", "talks", "agreed", "announced", "denied"]
MOVE_STAGES: tuple[MoveStage, ...] = ("rumour", "talks", "agreed", "announced", "denied")
"""The rumour ladder, lowest rung first; `denied` stands aside from it."""
StoryKind = Literal["result", "preview", "lineup", "crash", "transfer", "team", "other"]
STORY_KINDS: tuple[StoryKind, ...] = (
    "result",
    "preview",
    "lineup",
    "crash",
    "transfer",
    "team",
    "other",
)


@dataclass(frozen=True, slots=True)
class Story:
    """One feed item, already reduced to plain text and safe links."""

    key: str
    """Stable identity inside its feed: guid, else canonical link, else a hash."""
    url: str | None
    """Canonical http(s) link, or None when the feed gave no safe link."""
    title: str
    summary: str = ""
    body: str = ""
    author: str | None = None
    published: datetime | None = None
    """Aware UTC datetime, or None when the feed gave no usable date."""
    image_url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    stories: list[Story]
    error: str | None = None
    """Set when the body was not a usable feed; `stories` is then empty."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in a story's text where the tagger found an entity.

    Offsets index the tagged text, which is `title + "\\n\\n" + text`.
    """

    entity_id: str
    kind: Literal["rider", "team", "staff", "retired"]
    start: int
    end: int
    how: str = "name"
    """How it matched: "name", "surname", "alias", "nickname", "description", ..."""


@dataclass(frozen=True, slots=True)
class Move:
    person_id: str
    person: str
    """Canonical name of the person moving."""
    from_team_id: str | None
    to_team_id: str | None
    from_team: str | None
    """Canonical team name in force at publication, or None when not named."""
    to_team: str | None
    status: MoveStatus
    season: int | None = None
    stage: MoveStage | None = None
    """Where on the rumour ladder the text puts the move; None when it does not say
    (`status` is what scoring compares; this is what /transfers shows)."""


@dataclass(frozen=True, slots=True)
class RaceFocus:
    """The race a story is mainly about: the edition reported or previewed, and the stage
    when the story is about one stage (0 is a prologue)."""

    race_id: str
    year: int
    stage: int | None = None


@dataclass(frozen=True, slots=True)
class StoryTags:
    """Everything the tagger and the transfer extractor say about one story."""

    riders: list[str] = field(default_factory=list)
    """Entity ids of active riders, in order of first mention."""
    teams: list[str] = field(default_factory=list)
    """Team ids, in order of first mention."""
    staff: list[str] = field(default_factory=list)
    is_transfer: bool = False
    moves: list[Move] = field(default_factory=list)
    races: list[str] = field(default_factory=list)
    """Race ids (feeds/races), in order of first mention."""
    race_focus: RaceFocus | None = None
    kind: StoryKind = "other"
    unknown_riders: list[str] = field(default_factory=list)
    """Riders the roster does not know, by their names as printed, in order of first
    mention (feeds/nlp/tag/unknown_riders.py): the text shows them racing."""
