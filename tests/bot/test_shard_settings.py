"""DOMESTIQUE_SHARD_COUNT and DOMESTIQUE_SHARD_IDS: which gateway shards a process runs."""

from __future__ import annotations

import pytest

from bot.settings import AUTO_SHARDS, Settings, SettingsError, load_settings


def test_no_shard_settings_is_one_unsharded_connection():
    settings = load_settings({}, None)
    assert settings.shard_count is None and settings.shard_ids is None


def test_a_count_alone_runs_every_shard_here():
    settings = load_settings({"DOMESTIQUE_SHARD_COUNT": " 4 "}, None)
    assert settings.shard_count == 4 and settings.shard_ids is None


def test_auto_asks_discord_for_the_count():
    settings = load_settings({"DOMESTIQUE_SHARD_COUNT": "Auto"}, None)
    assert settings.shard_count == AUTO_SHARDS


def test_ids_are_kept_in_the_order_written():
    settings = load_settings(
        {"DOMESTIQUE_SHARD_COUNT": "4", "DOMESTIQUE_SHARD_IDS": " 3, 1 ,"}, None
    )
    assert settings.shard_ids == (3, 1)


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"DOMESTIQUE_SHARD_COUNT": "0"}, "DOMESTIQUE_SHARD_COUNT must be between 1 and 10000"),
        ({"DOMESTIQUE_SHARD_COUNT": "two"}, "DOMESTIQUE_SHARD_COUNT must be a whole number"),
        (
            {"DOMESTIQUE_SHARD_COUNT": "2", "DOMESTIQUE_SHARD_IDS": "0,x"},
            "DOMESTIQUE_SHARD_IDS must be shard numbers separated by commas",
        ),
        (
            {"DOMESTIQUE_SHARD_COUNT": "2", "DOMESTIQUE_SHARD_IDS": "-1"},
            "DOMESTIQUE_SHARD_IDS must be shard numbers",
        ),
        (
            {"DOMESTIQUE_SHARD_COUNT": "2", "DOMESTIQUE_SHARD_IDS": ","},
            "DOMESTIQUE_SHARD_IDS must be shard numbers",
        ),
        (
            {"DOMESTIQUE_SHARD_COUNT": "3", "DOMESTIQUE_SHARD_IDS": "1,2,1"},
            "DOMESTIQUE_SHARD_IDS names shard 1 more than once",
        ),
        (
            {"DOMESTIQUE_SHARD_COUNT": "2", "DOMESTIQUE_SHARD_IDS": "0,2"},
            "shard 2 does not exist with DOMESTIQUE_SHARD_COUNT=2 (shards are numbered 0 to 1)",
        ),
        ({"DOMESTIQUE_SHARD_IDS": "0"}, "DOMESTIQUE_SHARD_IDS needs DOMESTIQUE_SHARD_COUNT"),
        (
            {"DOMESTIQUE_SHARD_COUNT": "auto", "DOMESTIQUE_SHARD_IDS": "0"},
            "DOMESTIQUE_SHARD_IDS needs DOMESTIQUE_SHARD_COUNT set to the number",
        ),
    ],
)
def test_bad_shard_settings_are_refused_naming_them(environ, message):
    with pytest.raises(SettingsError) as info:
        load_settings(environ, None)
    assert message in str(info.value)


def test_settings_built_in_code_are_checked_too():
    with pytest.raises(SettingsError, match="shard 5 does not exist"):
        Settings(shard_count=2, shard_ids=(5,))
