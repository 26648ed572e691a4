"""The kind rules' tests read the rules' kind: the shipped tagger's kind is the learned
model's (feeds/races/kind_model.py), which reads the rules' words among its features and
leaves the rules the stories they call not cycling, those without a headline and those it
is unsure of (docs/ARCHITECTURE.md, "A learned story-kind model"). A test module of the
model itself, or of what the shipped tagger answers (test_kind_shipped.py), sets
`LEARNED_KIND = True`."""

from __future__ import annotations

import pytest

from feeds.races import tagging


@pytest.fixture(autouse=True)
def rules_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if getattr(request.module, "LEARNED_KIND", False):
        return
    # The bundled race tagger every Tagger shares, and any built over another calendar.
    monkeypatch.setattr(tagging.bundled_race_tagger(), "kind_model", None)
    monkeypatch.setattr(tagging, "bundled_kind_model", lambda: None)
