"""The bundled roster, shared by the stint tests (parsed once per process anyway)."""

from __future__ import annotations

import pytest

from feeds.roster import Roster, bundled_roster


@pytest.fixture(scope="module")
def roster() -> Roster:
    return bundled_roster()
