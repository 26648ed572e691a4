"""`domestique poll --once` on PostgreSQL takes the leader lease for its cycle, or refuses
while another process leads: a poll never fetches and fans out beside a running leader.
(On SQLite the writer lock does the same: tests/bot/cli/test_bad_database.py.)"""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg
import pytest

from bot.cli.main import EXIT_DATABASE_IN_USE, main
from bot.pipeline.ingest import Ingestor
from storage.pg_lease import AdvisoryLease
from tests.bot.cli.test_main import FEED, domestique


@pytest.fixture
def saved_feed(tmp_path: Path) -> Path:
    path = tmp_path / "saved.xml"
    path.write_text(FEED, encoding="utf-8")
    return path


async def _stories(url: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM articles"))
    finally:
        await conn.close()


async def test_poll_refuses_while_another_process_leads_and_stores_nothing(
    pg_url, tmp_path, saved_feed
):
    leader = AdvisoryLease(pg_url)
    assert await leader.try_take()
    try:
        refused = await asyncio.to_thread(
            domestique,
            tmp_path,
            "poll", "--once", "--feed", str(saved_feed),
            DOMESTIQUE_DATABASE=pg_url,
        )  # fmt: skip
    finally:
        await leader.release()
    assert refused.returncode == EXIT_DATABASE_IN_USE, refused.stderr
    assert "another Domestique leads on it" in refused.stderr
    assert refused.stdout == ""
    assert await _stories(pg_url) == 0

    # Once the leader is gone, the same command polls.
    polled = await asyncio.to_thread(
        domestique,
        tmp_path,
        "poll", "--once", "--feed", str(saved_feed),
        DOMESTIQUE_DATABASE=pg_url,
    )  # fmt: skip
    assert polled.returncode == 0, polled.stderr
    assert "Mark Cavendish to race on" in polled.stdout
    assert await _stories(pg_url) == 2


def test_poll_holds_the_lease_while_it_polls_and_frees_it_after(
    pg_url, saved_feed, monkeypatch, capsys
):
    """A `run` trying to lead during the poll is refused the lease; afterwards it gets it."""
    seen: list[bool] = []
    poll_urls = Ingestor.poll_urls

    async def poll_urls_beside_a_would_be_leader(self, *args, **kwargs):
        other = AdvisoryLease(pg_url)
        seen.append(await other.try_take())
        await other.release()
        return await poll_urls(self, *args, **kwargs)

    monkeypatch.setattr(Ingestor, "poll_urls", poll_urls_beside_a_would_be_leader)
    monkeypatch.setenv("DOMESTIQUE_DATABASE", pg_url)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert main(["poll", "--once", "--feed", str(saved_feed)]) == 0
    assert "Mark Cavendish to race on" in capsys.readouterr().out
    assert seen == [False]  # the poll led: no one else could

    async def lead_after() -> bool:
        other = AdvisoryLease(pg_url)
        try:
            return await other.try_take()
        finally:
            await other.release()

    assert asyncio.run(lead_after())
