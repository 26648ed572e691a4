"""Teams' home regions (data/team-regions.toml): the adjective a story may name a team by
("la formation bretonne", "die bayerische Mannschaft") and the teams of that region.

Which of them a story means (the one racing at its date, of the mover's sex) is
feeds/nlp/transfers/described_teams.py's to say.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

DATA_FILE = "team-regions.toml"


class RegionError(ValueError):
    """The region file is malformed: `team-regions.toml: <region>: <reason>`."""


def parse_regions(text: str) -> Mapping[str, tuple[str, ...]]:
    """Adjective (lower case, as written) -> the ids of the teams of its region."""
    out: dict[str, tuple[str, ...]] = {}
    for i, entry in enumerate(tomllib.loads(text).get("region", [])):
        name = entry.get("name") or f"region[{i}]"
        teams, adjectives = entry.get("teams"), entry.get("adjectives")
        for key, value in (("teams", teams), ("adjectives", adjectives)):
            if not value or not all(isinstance(v, str) and v.strip() for v in value):
                raise RegionError(f"{DATA_FILE}: {name}: {key} must be a list of words")
        for adjective in adjectives:
            if adjective != adjective.lower() or adjective in out:
                raise RegionError(
                    f"{DATA_FILE}: {name}: {adjective!r} is not lower case or is repeated"
                )
            out[adjective] = tuple(teams)
    return MappingProxyType(out)


@cache
def team_regions() -> Mapping[str, tuple[str, ...]]:
    """The bundled file, read once."""
    text = (resources.files("feeds.roster") / "data" / DATA_FILE).read_text(encoding="utf-8")
    return parse_regions(text)
