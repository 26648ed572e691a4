"""The roster in force and the tagger built from it, swapped whole when the roster changes,
and each server's own names beside them (bot/pipeline/guild_names.py)."""

from __future__ import annotations

import gc
import hashlib
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.pipeline.custom_roster import load_current_roster
from bot.pipeline.guild_names import GuildRosters
from feeds.races.model import Calendar
from feeds.roster import Roster
from feeds.tagger import Tagger

if TYPE_CHECKING:
    from storage import Storage

log = logging.getLogger(__name__)


class RosterState:
    """Holds (roster, tagger) as one pair so readers never see a roster with another's tagger.

    Building a tagger takes a fraction of a second; `replace` builds the new pair
    first and swaps a single reference, so readers in other threads keep working.
    `guilds` holds each server's own riders, teams and aliases, decided against this
    roster (they never reach its tagger).
    """

    def __init__(
        self, roster: Roster, *, calendar: Calendar | None = None, freeze_heap: bool = False
    ) -> None:
        self._calendar = calendar
        self._pair = (roster, Tagger(roster, calendar))
        self._tagging = (self._pair[1], tagging_fingerprint(roster, calendar))
        self._lock = threading.Lock()
        self.version = 1
        self.guilds = GuildRosters(self.shared)
        self._freeze_heap = freeze_heap
        self._settle_heap()

    def shared(self) -> tuple[int, Roster]:
        """The roster every server shares, with its version (read together)."""
        with self._lock:
            return self.version, self._pair[0]

    @property
    def roster(self) -> Roster:
        return self._pair[0]

    @property
    def tagger(self) -> Tagger:
        return self._pair[1]

    def tagging(self) -> tuple[Tagger, str]:
        """The tagger in force with the fingerprint of its roster (read together)."""
        return self._tagging

    def replace(self, roster: Roster) -> None:
        pair = (roster, Tagger(roster, self._calendar))
        tagging = (pair[1], tagging_fingerprint(roster, self._calendar))
        with self._lock:
            self._pair = pair
            self._tagging = tagging
            self.version += 1
        self._settle_heap()
        log.info("roster replaced: %d teams, %d people", len(roster.teams), len(roster.people))

    def _settle_heap(self) -> None:
        """Move the long-lived heap (roster, tagger, caches) out of the cyclic collector's
        reach: a full collection walking it paused the event loop for tens of ms. The
        previous tagger is collected first, so a roster change frees it (that one
        collection, once per roster change, is the pause left)."""
        if not self._freeze_heap:
            return
        gc.unfreeze()
        gc.collect()
        gc.freeze()


def roster_fingerprint(roster: Roster) -> str:
    """A hash of the roster's content: the same roster gives the same fingerprint in any
    process, so stored tags stay valid across restarts (the tag cache, bot/pipeline/ingest.py)
    and a roster import or promotion invalidates them. `repr` covers every field of every
    team and person (frozen dataclasses, in load order); it takes ~15 ms for the bundled
    roster, once per roster change."""
    return hashlib.sha256(repr((roster.teams, roster.people)).encode()).hexdigest()


def tagging_fingerprint(roster: Roster, calendar: Calendar | None) -> str:
    """What the tags depend on besides the tagger's code: the roster, and the race
    calendar when an operator's imports are on top of the bundled one (None: bundled,
    whose files the tagger's version covers)."""
    if calendar is None:
        return roster_fingerprint(roster)
    calendar_hash = hashlib.sha256(repr(calendar).encode()).hexdigest()
    return f"{roster_fingerprint(roster)}:{calendar_hash[:16]}"


async def load_roster_state(
    storage: Storage,
    extra_files: Sequence[str | Path] = (),
    *,
    calendar: Calendar | None = None,
    freeze_heap: bool = False,
) -> RosterState:
    """The shared roster (bundled, files, imports, promoted names) and its tagger, with
    every server's own names beside them; `calendar`: the race calendar in force."""
    roster = await load_current_roster(storage, extra_files)
    state = RosterState(roster, calendar=calendar, freeze_heap=freeze_heap)
    state.guilds.load(await storage.guild_config.own_names())
    return state
