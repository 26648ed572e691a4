"""The roster in force and the tagger built from it, swapped whole when the roster changes."""

from __future__ import annotations

import logging
import threading

from feeds.roster import Roster
from feeds.tag import Tagger

log = logging.getLogger(__name__)


class RosterState:
    """Holds (roster, tagger) as one pair so readers never see a roster with another's tagger.

    Building a tagger takes a fraction of a second; `replace` builds the new pair
    first and swaps a single reference, so readers in other threads keep working.
    """

    def __init__(self, roster: Roster) -> None:
        self._pair = (roster, Tagger(roster))
        self._lock = threading.Lock()
        self.version = 1

    @property
    def roster(self) -> Roster:
        return self._pair[0]

    @property
    def tagger(self) -> Tagger:
        return self._pair[1]

    def replace(self, roster: Roster) -> None:
        pair = (roster, Tagger(roster))
        with self._lock:
            self._pair = pair
            self.version += 1
        log.info("roster replaced: %d teams, %d people", len(roster.teams), len(roster.people))
