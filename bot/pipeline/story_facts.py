"""What fan-out reads of a story (`StoryFacts`), taken in the poll's transaction and kept
with its queue record as JSON, so expansion (bot/pipeline/expansion.py) neither reloads
nor re-tags it. A record outlives the release that wrote it (the queue can be hours
deep at an upgrade), so reading one tolerates fields missing or unknown."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence

from feeds.models import RaceFocus, StoryTags
from storage.articles import SavedStory, person_key, race_key, team_key


def story_entities(saved: SavedStory) -> list[str]:
    """Entity ids a rider/team/tracked filter can match: tagged riders and teams, and
    every person a transfer move names."""
    tags = saved.tags
    out = [person_key(i) for i in tags.riders] + [team_key(i) for i in tags.teams]
    out += [person_key(m.person_id) for m in tags.moves]
    return list(dict.fromkeys(out))


def transfer_teams(saved: SavedStory) -> list[str]:
    """Teams a "transfers [team]" filter matches: teams in a move, and tagged teams."""
    tags = saved.tags
    if not tags.is_transfer:
        return []
    out = [team_key(t) for m in tags.moves for t in (m.from_team_id, m.to_team_id) if t]
    out += [team_key(t) for t in tags.teams]
    return list(dict.fromkeys(out))


@dataclasses.dataclass(frozen=True, slots=True)
class StoryFacts:
    """What fan-out reads of a story, kept with its queue record (JSON) so expansion
    neither reloads nor re-tags it."""

    entities: list[str]
    teams: list[str]
    """Teams a "transfers [team]" filter matches (`transfer_teams`)."""
    races: list[str]
    """Race ids, in order of first mention (entity ids are "race:<id>")."""
    focus: tuple[str, int, int | None] | None
    kind: str
    is_transfer: bool
    own: list[tuple[int, str]]
    """(server id, entity id) the servers' own names tagged the story with."""
    title: str
    url: str | None
    sort_at: float
    source: str | None
    """The feed's name when the story was queued, for "also on"; None: a server's own."""

    @classmethod
    def of(
        cls, saved: SavedStory, own: Sequence[tuple[int, str]], now: float, source: str | None
    ) -> StoryFacts:
        tags = saved.tags
        focus = tags.race_focus
        return cls(
            entities=story_entities(saved),
            teams=transfer_teams(saved),
            races=list(tags.races),
            focus=(focus.race_id, focus.year, focus.stage) if focus else None,
            kind=tags.kind,
            is_transfer=tags.is_transfer,
            own=[(int(g), str(e)) for g, e in own],
            title=saved.story.title,
            url=saved.story.url,
            sort_at=sort_at_of(saved, now),
            source=source,
        )

    def encode(self) -> str:
        return json.dumps(dataclasses.asdict(self), separators=(",", ":"))

    @classmethod
    def decode(cls, text: str, *, queued_at: float = 0.0) -> StoryFacts:
        """The facts as `encode` wrote them, also by an older or newer release: a missing
        field takes its default (`sort_at`: the queue time), an unknown one is ignored.
        Raises ValueError (or TypeError) for a record that is no such JSON object."""
        values = json.loads(text)
        if not isinstance(values, dict):
            raise ValueError(f"not a story record: {text[:80]!r}")
        known = {f.name for f in dataclasses.fields(cls)}
        values = _fact_defaults(queued_at) | {k: v for k, v in values.items() if k in known}
        focus = values["focus"]
        values["focus"] = (str(focus[0]), int(focus[1]), focus[2]) if focus else None
        values["own"] = [(int(g), str(e)) for g, e in values["own"]]
        return cls(**values)

    @property
    def race_keys(self) -> list[str]:
        return [race_key(r) for r in self.races]

    def shield_tags(self) -> StoryTags:
        """The story as the spoiler shield reads it (its races, focus and kind)."""
        focus = RaceFocus(*self.focus) if self.focus else None
        return StoryTags(races=list(self.races), race_focus=focus, kind=self.kind)  # type: ignore[arg-type]


def _fact_defaults(queued_at: float) -> dict[str, object]:
    """What a queue record written without a field means: nothing of that kind known,
    and the story's time its queue time."""
    return {
        "entities": [],
        "teams": [],
        "races": [],
        "focus": None,
        "kind": "other",
        "is_transfer": False,
        "own": [],
        "title": "",
        "url": None,
        "sort_at": queued_at,
        "source": None,
    }


def sort_at_of(saved: SavedStory, now: float) -> float:
    """The story's place in time, as storage.articles gives it to its tags."""
    published = saved.story.published
    return min(published.timestamp(), now) if published else now
