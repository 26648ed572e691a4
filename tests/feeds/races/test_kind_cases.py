"""Each language's kind lexicon on its own cases (tests/feeds/races/cases/<lang>.toml):
the kind, and where a case names them, the races and the race in focus, through
`Tagger.tag` with the bundled roster and calendar."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from feeds.nlp.kinds import bundled_kind_lexicons
from feeds.tagger import Tagger

CASES = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        for i, case in enumerate(tomllib.loads(path.read_text(encoding="utf-8"))["case"]):
            out.append(pytest.param(path.stem, case, id=f"{path.stem}-{i}-{case['kind']}"))
    return out


def _focus(tagger: Tagger, tags: Any) -> str:
    focus = tags.race_focus
    if focus is None:
        return "none"
    name = f"{tagger.races.calendar.races[focus.race_id].name} {focus.year}"
    return name if focus.stage is None else f"{name} stage {focus.stage}"


@pytest.mark.parametrize(("language", "case"), _cases())
def test_case(tagger: Tagger, language: str, case: dict[str, Any]) -> None:
    published = case.get("published")
    assert published is None or isinstance(published, date)
    # As from a cycling feed: a team named alone counts (feeds/nlp/tag/context.py).
    tags = tagger.tag(case["title"], case["text"], published, True, language=language)
    assert tags.kind == case["kind"]
    if "races" in case:
        assert [tagger.races.calendar.races[r].name for r in tags.races] == case["races"]
    if "focus" in case:
        assert _focus(tagger, tags) == case["focus"]


def test_every_kind_lexicon_has_its_cases() -> None:
    # A new language file comes with its cases.
    assert set(bundled_kind_lexicons()) <= {p.stem for p in CASES.glob("*.toml")}
