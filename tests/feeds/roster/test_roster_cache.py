"""The parsed-roster cache (feeds/roster/cache.py): what comes back is what parsing
gives, a changed text or parser parses again, and a broken or missing cache only costs
time."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import feeds.roster as roster_module
from feeds.roster import (
    CACHE_FORMAT,
    MIN_CACHED_CHARS,
    RosterError,
    bundled_roster,
    cache,
    decode_roster,
    encode_roster,
    parse_roster,
)

TEAMS = """
[[team]]
id = "team-a"
category = "women"
level = "WT"
country = "FRA"
aliases = ["A"]
nicknames = ["the As"]
names = [{ name = "Équipe A", from = 2020-01-01, until = 2023-12-31 },
         { name = "Team A", from = 2024-01-01 }]
"""


def big_roster(riders: int = 400, marker: str = "") -> str:
    parts = [TEAMS]
    for i in range(riders):
        parts.append(
            f'[[rider]]\nname = "Rider Nümber{i}{marker}"\naliases = ["Nümber{i}"]\n'
            f'nationality = "BEL"\nretired = 2030\n'
            f'teams = [{{ team = "team-a", from = 2019, until = 2023 }}, '
            f'{{ team = "team-a", from = 2024, role = "coach" }}]\n'
        )
    parts.append(
        '[[staff]]\nname = "Boss Person"\nrole = "manager"\nteams = [{ team = "team-a" }]\n'
    )
    text = "\n".join(parts)
    assert len(text) >= MIN_CACHED_CHARS
    return text


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    return tmp_path / "roster"


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, source: str) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(roster_module, "_parse_roster", refuse)


def test_a_large_roster_comes_back_from_the_cache_unchanged(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = big_roster()
    first = parse_roster(text, "big.toml")
    assert len(list(folder.glob("*.marshal"))) == 1
    no_parsing(monkeypatch)
    again = parse_roster(text, "big.toml")
    assert again == first and again is not first
    assert list(again.teams) == list(first.teams) and list(again.people) == list(first.people)
    team = again.teams["team-a"]
    assert team.name_on(None) == "Team A" and team.names[0].end is not None
    assert again.people["boss-person"].kind == "staff"


def test_another_text_or_parser_parses_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parse_roster(big_roster(), "big.toml")
    other = parse_roster(big_roster(marker="x"), "big.toml")
    assert "Rider Nümber1x" in {p.name for p in other.people.values()}
    assert len(list(folder.glob("*.marshal"))) == 2
    key = cache.text_key(big_roster())
    monkeypatch.setattr(cache, "_parser_version", lambda: b"another parser")
    assert cache.text_key(big_roster()) != key


def test_small_and_refused_rosters_are_not_kept(folder: Path) -> None:
    parse_roster(TEAMS, "small.toml")
    broken = big_roster() + '\n[[rider]]\nname = "No Team"\nteams = "nope"\n'
    for _ in range(2):
        with pytest.raises(RosterError, match="'teams' must be a list"):
            parse_roster(broken, "broken.toml")
    assert not folder.exists() or not list(folder.glob("*.marshal"))


def test_an_unreadable_entry_is_parsed_again(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = big_roster()
    first = parse_roster(text, "big.toml")
    (entry,) = folder.glob("*.marshal")
    for garbage in (b"", b"\x00garbage", cache.marshal.dumps((CACHE_FORMAT, (1,), ()))):
        entry.write_bytes(garbage)
        with caplog.at_level(logging.WARNING, "feeds.roster.cache"):
            assert parse_roster(text, "big.toml") == first
    assert "unreadable" in caplog.text
    assert decode_roster(cache.marshal.loads(entry.read_bytes())) == first  # rewritten


def test_no_cache_folder_or_an_unwritable_one_still_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "")
    assert cache.cache_folder() is None
    assert len(parse_roster(big_roster(), "big.toml").people) == 401
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker))
    assert len(parse_roster(big_roster(), "big.toml").people) == 401


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert cache.cache_folder() == Path("/somewhere/domestique/roster")


def test_the_bundled_roster_is_kept_whole(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = bundled_roster()
    no_parsing(monkeypatch)
    assert bundled_roster() == first
    assert decode_roster(encode_roster(first)) == first
