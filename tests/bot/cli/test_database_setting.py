"""DOMESTIQUE_DATABASE: a path or a sqlite:/// URL (SQLite), or a postgresql:// URL
(PostgreSQL); any other URL is refused, naming the variable, before anything is created (a
`mysql:` folder with a fresh SQLite file in it looked like a working setup), and a password
in a URL is never printed."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings
from tests.bot.cli.test_main import domestique


def database(value: str) -> Path | str:
    return load_settings({"DOMESTIQUE_DATABASE": value}, dotenv=None).database


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ("data/domestique.sqlite3", "data/domestique.sqlite3"),
        ("  /data/domestique.sqlite3 ", "/data/domestique.sqlite3"),
        ("sqlite:///data/domestique.sqlite3", "data/domestique.sqlite3"),
        ("sqlite:////data/domestique.sqlite3", "/data/domestique.sqlite3"),
        ("SQLITE:///d.sqlite3", "d.sqlite3"),
        ("sqlite:///:memory:", ":memory:"),
        ("sqlite://", ":memory:"),
        ("odd:name.sqlite3", "odd:name.sqlite3"),  # a colon alone is a file name
    ],
)
def test_paths_and_sqlite_urls(value, path):
    assert database(value) == Path(path)


def test_a_home_folder_path_is_expanded():
    assert database("~/d.sqlite3") == Path("~/d.sqlite3").expanduser()


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("postgresql://bot:s3cret@/domestique", "needs a host"),
        ("postgresql://bot:s3cret@db.example:54x2/domestique", "not a valid postgresql"),
        ("postgresql://bot:s3cret@db example/domestique", "spaces"),
        ("mysql://db.example/domestique", "mysql:// is not supported"),
        ("file:///data/d.sqlite3", "file:// is not supported"),
        ("sqlite://db.example/d.sqlite3", "sqlite:///relative/path"),
        ("sqlite:///", "sqlite:///relative/path"),
        ("sqlite:///d.sqlite3?mode=ro", "options"),
    ],
)
def test_other_urls_are_refused_naming_the_variable(value, says):
    with pytest.raises(SettingsError) as caught:
        database(value)
    message = str(caught.value)
    assert message.startswith("DOMESTIQUE_DATABASE") and says in message
    assert "s3cret" not in message  # the URL itself may hold a password


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("postgresql://bot:s3cret@db.example/domestique", None),
        (
            "postgres://bot@db.example:5433/domestique",
            "postgresql://bot@db.example:5433/domestique",
        ),
        ("postgresql+psycopg://db.example/domestique", "postgresql://db.example/domestique"),
        ("POSTGRESQL://db.example/d?sslmode=require", "postgresql://db.example/d?sslmode=require"),
        ("postgresql:///domestique?host=/run/postgresql", None),
    ],
)
def test_postgresql_urls_are_kept_as_urls(value, url):
    assert database(value) == (url or value)


def test_the_settings_never_show_a_postgresql_password():
    settings = load_settings(
        {"DOMESTIQUE_DATABASE": "postgresql://bot:s3cret@db.example/domestique"}, dotenv=None
    )
    assert "s3cret" not in repr(settings) and "db.example" in repr(settings)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_unreachable_postgresql_server_is_one_line_and_creates_nothing(tmp_path):
    url = f"postgresql://bot:s3cret@127.0.0.1:{_closed_port()}/domestique"
    for command in (("run",), ("feeds", "list")):
        result = domestique(tmp_path, *command, DOMESTIQUE_DATABASE=url)
        assert result.returncode == 3, result.stderr
        [line] = result.stderr.splitlines()
        assert "127.0.0.1" in line and "cannot connect" in line, line
        assert "s3cret" not in result.stderr + result.stdout
    health = domestique(tmp_path, "health", DOMESTIQUE_DATABASE=url)
    assert health.returncode == 1, health.stderr
    assert health.stdout.startswith("unhealthy: postgresql://bot:***@127.0.0.1"), health.stdout
    assert "cannot connect" in health.stdout and "s3cret" not in health.stdout + health.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_sqlite_url_is_the_file_it_names(tmp_path):
    migrated = domestique(tmp_path, "db", "migrate", DOMESTIQUE_DATABASE="sqlite:///here.sqlite3")
    assert migrated.returncode == 0, migrated.stderr
    assert (tmp_path / "here.sqlite3").is_file()
    assert not (tmp_path / "sqlite:").exists()


async def test_the_commands_work_on_a_postgresql_database(tmp_path, pg_cluster):
    url = pg_cluster.url(await pg_cluster.create_database(migrated=False))
    migrated = domestique(tmp_path, "db", "migrate", DOMESTIQUE_DATABASE=url)
    assert migrated.returncode == 0, migrated.stderr
    assert "001_init.sql" in migrated.stdout and "schema version" in migrated.stdout
    again = domestique(tmp_path, "db", "migrate", DOMESTIQUE_DATABASE=url)
    assert "already up to date" in again.stdout, again.stdout + again.stderr
    added = domestique(
        tmp_path, "feeds", "add", "https://news.example/feed", DOMESTIQUE_DATABASE=url
    )
    assert added.returncode == 0, added.stderr
    listed = domestique(tmp_path, "feeds", "list", DOMESTIQUE_DATABASE=url)
    assert "https://news.example/feed" in listed.stdout, listed.stdout + listed.stderr
    health = domestique(tmp_path, "health", DOMESTIQUE_DATABASE=url)
    assert (health.returncode, health.stdout.strip()) == (
        1,
        "unhealthy: no feed has been polled successfully yet",
    ), health.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no SQLite file beside it
