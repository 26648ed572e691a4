"""The `domestique` command as a user runs it: a separate process, real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Saved cycling news</title><link>https://news.example/</link>
<item><guid>one</guid><title>Mark Cavendish to race on with Astana Qazaqstan in 2024</title>
<link>https://news.example/cavendish?utm_source=rss</link>
<description>The Manxman will race one more season, Astana said.</description>
<pubDate>Tue, 26 Sep 2023 10:00:00 GMT</pubDate></item>
<item><guid>two</guid><title>@everyone Stage 7 report</title>
<link>javascript:alert(1)</link><description>Jasper Philipsen wins in Bordeaux.</description>
<pubDate>Fri, 07 Jul 2023 16:00:00 GMT</pubDate></item>
</channel></rss>
"""


def domestique(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DOMESTIQUE_") and k != "DISCORD_TOKEN"
    }
    environ.update({"DOMESTIQUE_DATABASE": str(tmp_path / "db.sqlite3"), **env})
    environ["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def saved_feed(tmp_path: Path) -> Path:
    path = tmp_path / "saved.xml"
    path.write_text(FEED, encoding="utf-8")
    return path


def test_poll_saved_feed_prints_once(tmp_path, saved_feed):
    first = domestique(tmp_path, "poll", "--once", "--feed", str(saved_feed))
    assert first.returncode == 0, first.stderr
    assert "Mark Cavendish to race on with Astana Qazaqstan in 2024" in first.stdout
    assert "https://news.example/cavendish" in first.stdout
    assert "utm_source" not in first.stdout
    assert "riders: Mark Cavendish" in first.stdout
    assert "javascript:" not in first.stdout
    second = domestique(tmp_path, "poll", "--once", "--feed", str(saved_feed))
    assert second.returncode == 0, second.stderr
    assert second.stdout == ""
    listed = domestique(tmp_path, "feeds", "list")
    assert "saved.xml" not in listed.stdout  # --feed does not put it on the list


def test_poll_missing_file_says_why(tmp_path):
    result = domestique(tmp_path, "poll", "--once", "--feed", str(tmp_path / "nope.xml"))
    assert result.returncode == 1
    assert "cannot read" in result.stderr and result.stdout == ""


def test_feeds_add_list_remove(tmp_path):
    env = {"DOMESTIQUE_FEEDS": "https://feeds.example/a.xml"}
    added = domestique(tmp_path, "feeds", "add", "https://feeds.example/b.xml", **env)
    assert added.returncode == 0 and "added" in added.stdout
    again = domestique(tmp_path, "feeds", "add", "https://feeds.example/b.xml", **env)
    assert "already" in again.stdout
    bad = domestique(tmp_path, "feeds", "add", "file:///etc/passwd", **env)
    assert bad.returncode == 2 and "http" in bad.stderr
    listed = domestique(tmp_path, "feeds", "list", **env)
    assert "https://feeds.example/a.xml" in listed.stdout
    assert "https://feeds.example/b.xml" in listed.stdout and "last success: never" in listed.stdout
    removed = domestique(tmp_path, "feeds", "remove", "https://feeds.example/b.xml", **env)
    assert removed.returncode == 0
    gone = domestique(tmp_path, "feeds", "remove", "https://feeds.example/b.xml", **env)
    assert gone.returncode == 1 and "no feed" in gone.stderr


def test_bad_setting_fails_with_its_name(tmp_path):
    result = domestique(tmp_path, "feeds", "list", DOMESTIQUE_POLL_MINUTES="often")
    assert result.returncode == 2
    assert "DOMESTIQUE_POLL_MINUTES" in result.stderr and "Traceback" not in result.stderr


def test_migrate_and_health(tmp_path, saved_feed):
    migrated = domestique(tmp_path, "db", "migrate")
    assert migrated.returncode == 0 and "schema version" in migrated.stdout
    unhealthy = domestique(tmp_path, "health")
    assert unhealthy.returncode == 1 and "unhealthy" in unhealthy.stdout


def test_roster_import_refuses_malformed_file_whole(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rider]]\nname = "Ok Rider"\n\n[[rider]]\nnationality = "BEL"\n')
    result = domestique(tmp_path, "roster", "import", str(bad))
    assert result.returncode == 2
    assert "bad.toml:4" in result.stderr and "missing 'name'" in result.stderr
    exported = domestique(tmp_path, "roster", "export", "--imported-only")
    assert exported.returncode == 0 and "Ok Rider" not in exported.stdout


def test_roster_import_then_export(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[[team]]\nid = "club-domestique"\nnames = [{ name = "Club Domestique" }]\n\n'
        '[[rider]]\nname = "Zoë Testrider"\naliases = ["Zozo"]\n'
        'teams = [{ team = "club-domestique", from = 2026 }]\n'
    )
    imported = domestique(tmp_path, "roster", "import", str(extra))
    assert imported.returncode == 0, imported.stderr
    assert "imported 1 teams and 1 people" in imported.stdout
    exported = domestique(tmp_path, "roster", "export", "--imported-only")
    assert "Zoë Testrider" in exported.stdout and "Club Domestique" in exported.stdout
    dangling = tmp_path / "dangling.toml"
    dangling.write_text('[[rider]]\nname = "No Team"\nteams = [{ team = "nowhere" }]\n')
    refused = domestique(tmp_path, "roster", "import", str(dangling))
    assert refused.returncode == 2 and "nowhere" in refused.stderr
