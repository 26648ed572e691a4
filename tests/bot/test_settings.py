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


# Every URL setting and the allow list: refused at start, naming the variable and the reason.
URL_CASES = [
    ("DOMESTIQUE_FEEDS", "http://[::1", "not a valid URL"),
    ("DOMESTIQUE_FEEDS", "https://a.example/feed, http://[::1/feed", "not a valid URL"),
    ("DOMESTIQUE_FEEDS", "http://a.example:99999/feed", "has port 99999"),
    ("DOMESTIQUE_FEEDS", "http://a.example:0/feed", "has port 0"),
    ("DOMESTIQUE_FEEDS", "http://a.example:http/feed", "has port 'http'"),
    ("DOMESTIQUE_FEEDS", "http://a.example:80:80/feed", "has port '80:80'"),
    ("DOMESTIQUE_FEEDS", "http://[::1]:99999/feed", "has port 99999"),
    ("DOMESTIQUE_FEEDS", "http://feeds local/feed", "not a host name or an IP address"),
    ("DOMESTIQUE_FEEDS", "http://999.1.1.1/feed", "999.1.1.1, which is not an IPv4 address"),
    ("DOMESTIQUE_FEEDS", "http://-bad-.example/feed", "not a host name or an IP address"),
    ("DOMESTIQUE_FEEDS", "http:///feed", "has no host"),
    ("DOMESTIQUE_FEEDS", "https://user:secret@a.example/feed", "user name or password"),
    ("DOMESTIQUE_FEEDS", "https://a.example/feed\r\nforged line", "control character (U+000D)"),
    ("DOMESTIQUE_FEEDS", "https://a.example/\u202efeed", "control character (U+202E)"),
    ("DOMESTIQUE_FEEDS", "https://a.example/" + "x" * 2000, "too long"),
    ("DOMESTIQUE_DISCORD_API_URL", "http://[::1", "not a valid URL"),
    ("DOMESTIQUE_DISCORD_API_URL", "http://127.0.0.1:99999/api/v10", "has port 99999"),
    ("DOMESTIQUE_DISCORD_API_URL", "https://user:secret@proxy.example/api/v10", "password"),
    ("DOMESTIQUE_DISCORD_API_URL", "http://proxy host/api/v10", "not a host name"),
    ("DOMESTIQUE_DISCORD_GATEWAY_URL", "ws://[::1", "not a valid URL"),
    ("DOMESTIQUE_DISCORD_GATEWAY_URL", "wss://gateway.example:70000/", "has port 70000"),
    ("DOMESTIQUE_DISCORD_GATEWAY_URL", "wss://999.1.1.1/", "not an IPv4 address"),
    ("DOMESTIQUE_ALLOW_PRIVATE_HOSTS", "999.1.1.1", "'999.1.1.1' is none of these"),
    ("DOMESTIQUE_ALLOW_PRIVATE_HOSTS", "feeds.local, 10.0.0.0/33", "'10.0.0.0/33' is none"),
    ("DOMESTIQUE_ALLOW_PRIVATE_HOSTS", "feeds local", "'feeds local' is none of these"),
    ("DOMESTIQUE_ALLOW_PRIVATE_HOSTS", "feeds.local:8080", "'feeds.local:8080' is none"),
]


@pytest.mark.parametrize(("variable", "value", "message"), URL_CASES)
def test_unusable_urls_and_hosts_are_refused_at_start(variable, value, message):
    with pytest.raises(SettingsError) as info:
        load_settings({variable: value}, None)
    text = str(info.value)
    assert text.startswith(variable) and message in text
    assert "secret" not in text  # a refused URL's password is not repeated to the terminal
    assert "\r" not in text and "\n" not in text  # ...nor a forged line


def test_usable_urls_and_hosts_are_kept_as_written():
    settings = load_settings(
        {
            "DOMESTIQUE_FEEDS": (
                "http://[::1]:8080/feed, https://bücher.example/rss, http://feeds/x,"
                "https://a.example/search?q=tour de france"  # the fetcher encodes the spaces
            ),
            "DOMESTIQUE_DISCORD_API_URL": "http://127.0.0.1:65535/api/v10",
            "DOMESTIQUE_ALLOW_PRIVATE_HOSTS": "feeds, feeds_1.local, 1.2.3.4, fd00::/8",
        },
        None,
    )
    assert settings.feeds == (
        "http://[::1]:8080/feed",
        "https://bücher.example/rss",
        "http://feeds/x",
        "https://a.example/search?q=tour de france",
    )
    assert settings.discord_api_url == "http://127.0.0.1:65535/api/v10"
    assert settings.allow_private_hosts == ("feeds", "feeds_1.local", "1.2.3.4", "fd00::/8")


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
