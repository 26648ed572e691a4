"""URLs entering through the command line and the environment: a clear one-line refusal
naming the URL's problem or the variable, exit 2, no traceback, nothing stored."""

from __future__ import annotations

import pytest

from bot.cli.main import main
from tests.bot.cli.test_main import domestique

# (the URL given to `domestique feeds add`, the reason printed)
FEEDS_ADD = [
    ("http://[::1", "not a valid URL"),
    ("https://a.example:99999/feed", "has port 99999"),
    ("http://feeds local/feed", "not a host name or an IP address"),
    ("http://999.1.1.1/feed", "999.1.1.1, which is not an IPv4 address"),
    ("https://user:secret@a.example/feed", "user name or password"),
    ("https://a.example/feed\r\n  title: forged", "control character (U+000D)"),
    ("ftp://a.example/feed", "not an http/https URL"),
]


@pytest.mark.parametrize(("url", "reason"), FEEDS_ADD)
def test_feeds_add_refuses_an_unusable_url(tmp_path, monkeypatch, capsys, url, reason):
    monkeypatch.chdir(tmp_path)  # no .env from elsewhere
    for name in ("DOMESTIQUE_FEEDS", "DISCORD_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DOMESTIQUE_DATABASE", str(tmp_path / "db.sqlite3"))
    assert main(["feeds", "add", url]) == 2
    out, err = capsys.readouterr()
    assert out == "" and reason in err and len(err.splitlines()) == 1  # no forged line
    assert "secret" not in err
    assert not (tmp_path / "db.sqlite3").exists()  # refused before the database is opened


# (variable, value, the reason printed after the variable's name): as a user meets them,
# in a separate process.
SETTINGS = [
    ("DOMESTIQUE_DISCORD_API_URL", "http://[::1", "not a valid URL"),
    ("DOMESTIQUE_FEEDS", "https://user:secret@a.example/feed", "user name or password"),
]


@pytest.mark.parametrize(("variable", "value", "reason"), SETTINGS)
def test_a_bad_url_setting_stops_the_start_naming_it(tmp_path, variable, value, reason):
    result = domestique(tmp_path, "feeds", "list", **{variable: value})
    assert result.returncode == 2, result.stderr
    assert f"configuration error: {variable}" in result.stderr and reason in result.stderr
    assert "Traceback" not in result.stderr and "secret" not in result.stderr
