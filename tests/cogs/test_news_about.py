from __future__ import annotations

import time

from storage.articles import FeedState
from tests.cogs.helpers import make_interaction, sent, text_of
from tests.e2e.world import HOSTILE_URL, SEED_URL, story


async def test_latest_news(bot):
    news = bot.get_cog("News")
    interaction = make_interaction()
    await news.news.callback(news, interaction, None)
    text = text_of(sent(interaction))
    assert text.index(HOSTILE_URL) < text.index(SEED_URL)  # newest first
    assert "@everyone" not in text


async def test_news_search_is_safe_for_any_input(bot):
    news = bot.get_cog("News")
    for query in ['"', "AND", "NOT cavendish", "*", "col:umn", "(((", "\x00", "ö" * 200]:
        interaction = make_interaction()
        await news.news.callback(news, interaction, query)
        assert sent(interaction)["embeds"], query


async def test_news_search_pages(bot, storage):
    feed, _ = await storage.feeds.add("https://extra.example/feed", time.time())
    items = [(story(f"s{i}", f"Giro stage {i} report", 1.7e9 + i), None) for i in range(12)]
    from feeds.models import StoryTags

    items = [(s, StoryTags()) for s, _ in items]
    await storage.articles.save_poll(feed.id, items, FeedState("Extra", None, None, "h", 0), 1.8e9)
    news = bot.get_cog("News")
    interaction = make_interaction()
    await news.news.callback(news, interaction, "giro stage")
    kwargs = sent(interaction)
    assert "Giro stage 11 report" in kwargs["embeds"][0].description
    view = kwargs["view"]
    assert view.owner_id == interaction.user.id
    embed, has_more = await view.render_page(1)
    assert "Giro stage 3 report" in embed.description and not has_more


async def test_about(bot, storage):
    await storage.meta.set("last_cycle_at", repr(time.time()))
    about = bot.get_cog("About")
    interaction = make_interaction()
    await about.about.callback(about, interaction)
    text = text_of(sent(interaction))
    assert "Cycling Weekly" in text
    assert "Stories stored\n2" in text
    assert "<t:" in text.split("Last successful poll", 1)[1]
