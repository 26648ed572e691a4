from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.settings import DEFAULT_FEEDS, VARIABLES, SettingsError, load_settings

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GxYzAb.abcdefghijklmnopqrstuvwxyz0123456789"


def test_defaults():
    settings = load_settings({}, None)
    assert settings.database == Path("data/domestique.sqlite3")
    assert settings.poll_minutes == 10
    assert settings.feeds == DEFAULT_FEEDS and len(DEFAULT_FEEDS) == 9
    assert settings.discord_api_url == "https://discord.com/api/v10"
    assert settings.allow_private_hosts == ()
    assert not settings.discord_enabled


def test_values_are_parsed():
    settings = load_settings(
        {
            "DISCORD_TOKEN": TOKEN,
            "DOMESTIQUE_DATABASE": "/data/d.sqlite3",
            "DOMESTIQUE_POLL_MINUTES": "2.5",
            "DOMESTIQUE_FEEDS": "https://a.example/feed, https://b.example/rss,https://a.example/feed",
            "DOMESTIQUE_DISCORD_API_URL": "http://127.0.0.1:5000/api/v10",
            "DOMESTIQUE_DISCORD_GATEWAY_URL": "ws://127.0.0.1:5000/gateway",
            "DOMESTIQUE_ALLOW_PRIVATE_HOSTS": "127.0.0.2, Feeds.Local ,10.0.0.0/8,[::1]",
            "DOMESTIQUE_LOG_LEVEL": "debug",
            "DOMESTIQUE_SYNC_COMMANDS": "1",
        },
        None,
    )
    assert settings.discord_enabled
    assert settings.database == Path("/data/d.sqlite3")
    assert settings.poll_minutes == 2.5
    assert settings.feeds == ("https://a.example/feed", "https://b.example/rss")
    assert settings.allow_private_hosts == ("127.0.0.2", "feeds.local", "10.0.0.0/8", "::1")
    assert settings.log_level == "DEBUG" and settings.sync_commands


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DOMESTIQUE_POLL_MINUTES", "ten", "number of minutes"),
        ("DOMESTIQUE_POLL_MINUTES", "0", "between 1 and 1440"),
        ("DOMESTIQUE_FEEDS", "ftp://x.example/feed", "http/https URL"),
        ("DOMESTIQUE_FEEDS", " , ", "comma-separated"),
        ("DOMESTIQUE_DISCORD_API_URL", "discord.com", "http/https URL"),
        ("DOMESTIQUE_DISCORD_GATEWAY_URL", "https://gateway", "ws/wss URL"),
        ("DOMESTIQUE_ALLOW_PRIVATE_HOSTS", "not a host!", "host names, IP addresses or CIDRs"),
        ("DOMESTIQUE_LOG_LEVEL", "loud", "DEBUG, INFO"),
        ("DOMESTIQUE_SYNC_COMMANDS", "maybe", "1 or 0"),
        ("DISCORD_TOKEN", "has spaces in it and is long enough", "token"),
    ],
)
def test_bad_values_name_the_variable(variable, value, message):
    with pytest.raises(SettingsError) as info:
        load_settings({variable: value}, None)
    assert variable in str(info.value) and message in str(info.value)


def test_dotenv_is_read_and_environment_wins(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "# comment\nexport DOMESTIQUE_POLL_MINUTES=5\nDOMESTIQUE_LOG_LEVEL='WARNING'\n"
    )
    settings = load_settings({"DOMESTIQUE_POLL_MINUTES": "7"}, dotenv)
    assert settings.poll_minutes == 7 and settings.log_level == "WARNING"
    dotenv.write_text("this line is wrong\n")
    with pytest.raises(SettingsError, match=r"\.env:1: expected KEY=VALUE"):
        load_settings({}, dotenv)


def test_token_never_in_repr_or_logs(caplog):
    settings = load_settings({"DISCORD_TOKEN": TOKEN}, None)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("test").info("settings: %r %s", settings, settings)
    assert TOKEN not in repr(settings) and TOKEN not in str(settings)
    assert TOKEN not in caplog.text


@given(
    st.dictionaries(
        st.sampled_from(sorted(VARIABLES)),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
        max_size=6,
    )
)
def test_any_environment_gives_settings_or_a_named_error(environ):
    try:
        load_settings(environ, None)
    except SettingsError as exc:
        assert any(name in str(exc) for name in environ)
