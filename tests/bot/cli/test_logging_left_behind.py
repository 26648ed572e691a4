"""`main()` run in-process configures the root logger for a process, on the test's capture
stream; the next test must not inherit a handler on that stream, closed by then
(tests/conftest.py puts the logging back). The two tests run in this order."""

from __future__ import annotations

import logging

from bot.cli.main import main


def test_main_in_process_configures_the_root_logger(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no .env from elsewhere
    for name in ("DOMESTIQUE_FEEDS", "DISCORD_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DOMESTIQUE_DATABASE", str(tmp_path / "db.sqlite3"))
    assert main(["feeds", "add", "ftp://a.example/feed"]) == 2
    assert any(type(h) is logging.StreamHandler for h in logging.getLogger().handlers)


def test_the_next_test_finds_no_handler_on_a_closed_stream():
    root = logging.getLogger()
    closed = [h for h in root.handlers if getattr(getattr(h, "stream", None), "closed", False)]
    assert closed == []
