"""DOMESTIQUE_DATABASE: a path or a sqlite:/// URL; any other URL is refused, naming the
variable, before anything is created (a `postgresql:` folder with a fresh SQLite file in it
looked like a working setup)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings
from tests.bot.cli.test_main import domestique


def database(value: str) -> Path:
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
        ("postgresql://bot:s3cret@db.example/domestique", "PostgreSQL is not supported yet"),
        ("postgres://db.example/domestique", "PostgreSQL is not supported yet"),
        ("postgresql+psycopg://db.example/domestique", "PostgreSQL is not supported yet"),
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


def test_postgresql_url_creates_nothing(tmp_path):
    url = "postgresql://bot:s3cret@db.example/domestique"
    for command in (("run",), ("feeds", "list"), ("health",)):
        result = domestique(tmp_path, *command, DOMESTIQUE_DATABASE=url)
        assert result.returncode == 2, result.stderr
        [line] = result.stderr.splitlines()
        assert "DOMESTIQUE_DATABASE" in line and "PostgreSQL is not supported yet" in line
        assert "s3cret" not in result.stderr + result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_sqlite_url_is_the_file_it_names(tmp_path):
    migrated = domestique(tmp_path, "db", "migrate", DOMESTIQUE_DATABASE="sqlite:///here.sqlite3")
    assert migrated.returncode == 0, migrated.stderr
    assert (tmp_path / "here.sqlite3").is_file()
    assert not (tmp_path / "sqlite:").exists()
