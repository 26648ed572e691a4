"""`domestique roster promote`: the operator makes one server's own name everyone's."""

from __future__ import annotations

import asyncio

import pytest

from bot.cli.main import main
from bot.pipeline.custom_roster import entity_toml, load_current_roster
from storage import Storage

B = 1200000000000000002


@pytest.fixture
def database(tmp_path, monkeypatch):
    path = tmp_path / "db.sqlite3"
    monkeypatch.setenv("DOMESTIQUE_DATABASE", str(path))

    async def seed() -> None:
        storage = await Storage.open(path)
        try:
            config = storage.guild_config
            toml = entity_toml("person:zoe-test", "Zoé Test", ["Zozo"])
            await config.add_custom_entity("person:zoe-test", B, toml, 1, 1.0)
            await config.add_alias(B, "person:mark-cavendish", "Cannonball Mark", 1, 2.0)
            await config.add_alias(B, "person:mark-cavendish", "Philipsen", 1, 3.0)
        finally:
            await storage.close()

    asyncio.run(seed())
    return path


def shared(path):
    async def load():
        storage = await Storage.open(path)
        try:
            return await load_current_roster(storage)
        finally:
            await storage.close()

    return asyncio.run(load())


def test_list_then_promote_a_rider_and_an_alias(database, capsys):
    assert main(["roster", "promote", str(B)]) == 0
    listed = capsys.readouterr().out
    assert "person:zoe-test\tZoé Test / Zozo" in listed and "alias Cannonball Mark" in listed
    assert "zoe-test" not in shared(database).people
    assert main(["roster", "promote", str(B), "person:zoe-test"]) == 0
    assert main(["roster", "promote", str(B), "cannonball mark"]) == 0
    out = capsys.readouterr().out
    assert "promoted Zoé Test (person:zoe-test)" in out and "next start" in out
    roster = shared(database)
    assert roster.people["zoe-test"].aliases == ("Zozo",)
    assert "Cannonball Mark" in roster.people["mark-cavendish"].aliases


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ([str(B), "Philipsen"], 1, "Jasper Philipsen (person:jasper-philipsen)"),
        ([str(B), "nobody"], 1, "no rider, team or alias 'nobody'"),
        (["999999999999999999999999999", "Zozo"], 2, "is not a server id"),
        (["-5", "Zozo"], 2, "is not a server id"),
        (["12", "Zozo"], 1, "server 12 has no riders, teams or aliases of its own"),
    ],
)
def test_refusals_say_why_and_change_nothing(database, capsys, args, code, message):
    assert main(["roster", "promote", *args]) == code
    assert message in capsys.readouterr().err
    roster = shared(database)
    assert "zoe-test" not in roster.people
    assert "Philipsen" not in roster.people["mark-cavendish"].aliases
