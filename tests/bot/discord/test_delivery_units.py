"""The post embed and the digest clock, without Discord."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.discord import render
from bot.discord.delivery import latest_scheduled


def post(**kw):
    values = dict(
        title="# Mørkøv to **Astana** @everyone",
        url="https://news.example/a",
        source="Cycling Weekly",
        published_at=1_800_000_000,
        summary="word " * 200,
        riders=["Michael Mørkøv"],
        teams=["Astana Qazaqstan"],
        moves=[("Michael Mørkøv", "Soudal Quick-Step", "Astana Qazaqstan", "rumour")],
        image_url="https://img.example/a.jpg",
        also_on=["Velo"],
    )
    values.update(kw)
    return render.story_post_embed(**values).to_dict()


def test_post_embed_has_everything_escaped_and_within_limits():
    embed = post()
    assert embed["title"] == "\\# Mørkøv to \\*\\*Astana\\*\\* @\u200beveryone"
    assert embed["url"] == "https://news.example/a"
    summary, transfer, footer = embed["description"].split("\n\n")
    assert len(summary) <= 300 and summary.endswith("…")
    assert transfer == "🔁 Mørkøv: Soudal Quick-Step → Astana Qazaqstan · rumour"
    assert footer == "Cycling Weekly · <t:1800000000:f> · also on Velo"
    assert embed["image"]["url"] == "https://img.example/a.jpg"
    assert [f["name"] for f in embed["fields"]] == ["Riders", "Teams"]


def test_post_embed_drops_unsafe_links_and_images():
    embed = post(url="javascript:alert(1)", image_url="file:///etc/passwd", moves=[], also_on=[])
    assert "url" not in embed and "image" not in embed
    assert "🔁" not in embed["description"]


def test_latest_scheduled_in_a_time_zone():
    # 2026-11-23 07:30 UTC is 08:30 in Brussels: today's 08:00 there has passed.
    now = datetime(2026, 11, 23, 7, 30, tzinfo=UTC).timestamp()
    at = latest_scheduled(now, 8, 0, "Europe/Brussels")
    assert datetime.fromtimestamp(at, UTC) == datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    # In UTC, 08:00 today is still to come: yesterday's.
    at = latest_scheduled(now, 8, 0, "UTC")
    assert datetime.fromtimestamp(at, UTC) == datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    # An unknown zone falls back to UTC.
    assert latest_scheduled(now, 8, 0, "Mars/Olympus") == at


async def test_delivery_job_runs_one_at_a_time():
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.discord.delivery import schedule

    class Worker:
        async def run_once(self):
            return None

    scheduler = AsyncIOScheduler(timezone="UTC")
    schedule(scheduler, Worker())  # type: ignore[arg-type]
    (job,) = scheduler.get_jobs()
    assert (job.id, job.max_instances, job.coalesce) == ("deliver", 1, True)


ODD_URL = "https://news.example/étape-(3)|<direct>?lieu=Alpe-d’Huez"


def test_a_links_display_form_is_its_own_normal_form():
    shown = render.safe_url(ODD_URL)
    assert shown is not None and shown != ODD_URL and shown.isascii()
    assert render.safe_url(shown) == shown


def test_an_earlier_post_is_recognised_by_its_percent_encoded_link():
    from types import SimpleNamespace

    from bot.discord.delivery import Delivery

    bot = SimpleNamespace(user=SimpleNamespace(id=42), storage=None)
    delivery = Delivery(bot)  # type: ignore[arg-type]
    embed = post(url=ODD_URL, moves=[], also_on=[])
    ours = {"author": {"id": "42"}, "embeds": [embed]}
    assert delivery._ours_linking(ours, ODD_URL)
    assert not delivery._ours_linking(ours, "https://news.example/étape-(4)")
    assert not delivery._ours_linking({**ours, "author": {"id": "7"}}, ODD_URL)
