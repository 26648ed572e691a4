"""The tagger's version in the tag key (bot/pipeline/tagger_version.py, ingest.py): a
new lexicon, cue list, rule or roster data file re-tags stored stories when their feed
next changes."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

from bot.pipeline.ingest import Ingestor
from bot.pipeline.parse_pool import ParsePool
from bot.pipeline.roster_state import RosterState, roster_fingerprint
from bot.pipeline.tagger_version import (
    TAGGER_MODULES,
    TAGGER_PACKAGES,
    _files,
    bundled_tagger_version,
    files_fingerprint,
)
from feeds.roster import parse_roster
from storage import Storage
from tests.bot.pipeline.test_tag_cache import (
    DATES,
    ROSTER,
    START,
    TEXTS,
    CountingTagger,
    Feed,
    Item,
)


def test_the_fingerprint_follows_every_data_file(tmp_path: Path) -> None:
    folder = tmp_path / "lexicons"
    shutil.copytree(Path(str(resources.files("feeds.nlp") / "lexicons")), folder)
    before = files_fingerprint([folder])
    assert files_fingerprint([folder]) == before
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    assert files_fingerprint([folder]) == before  # compiled caches are not the version
    en = folder / "en.toml"
    en.write_text(en.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
    assert files_fingerprint([folder]) != before
    (folder / "xx.toml").write_text("", encoding="utf-8")
    assert len({before, files_fingerprint([folder])}) == 2


def test_a_single_module_is_a_root_too(tmp_path: Path) -> None:
    module = tmp_path / "tagger.py"
    module.write_text("STEPS = 3\n", encoding="utf-8")
    before = files_fingerprint([module])
    module.write_text("STEPS = 4\n", encoding="utf-8")
    assert files_fingerprint([module]) != before


def test_the_bundled_version_covers_the_lexicons_cues_and_roster_data() -> None:
    nlp = {name for name, _ in _files(resources.files("feeds.nlp"), "")}
    roster = {name for name, _ in _files(resources.files("feeds.roster"), "")}
    assert {"lexicons/en.toml", "lexicons/common.toml", "tag/mentions.py"} <= nlp
    assert {"transfers/extract.py", "broad_names.toml"} <= nlp
    assert {"data/name-forms.toml", "data/men-teams.toml", "__init__.py"} <= roster
    assert not any("__pycache__" in name for name in nlp | roster)
    assert "feeds.races" in TAGGER_PACKAGES  # race names and the calendar decide race tags
    # folding decides every match; the Tagger decides which steps run
    assert "feeds.text" in TAGGER_PACKAGES
    assert TAGGER_MODULES == ("tagger.py",)
    assert (resources.files("feeds") / "tagger.py").is_file()
    assert bundled_tagger_version() == bundled_tagger_version()
    assert len(bundled_tagger_version()) == 64


async def _poll(path: Path, state: RosterState, version: str, feed_file: Path) -> None:
    storage = await Storage.open(path)
    executor = ThreadPoolExecutor(max_workers=1)
    ingestor = Ingestor(
        storage,
        None,  # type: ignore[arg-type]  # local files only
        state,
        poll_interval_s=600,
        parse_pool=ParsePool(lambda: executor),
        clock=lambda: START,
        tagger_version=lambda: version,
    )
    try:
        report = await ingestor.poll_urls([str(feed_file)])
        assert not report.failed, report.failed
    finally:
        ingestor.close()
        executor.shutdown()
        await storage.close()


async def test_a_new_tagger_version_retags_when_the_feed_next_changes(tmp_path: Path) -> None:
    state = RosterState(parse_roster(ROSTER))
    counting = CountingTagger(state.tagger)
    fingerprint = roster_fingerprint(state.roster)
    state.tagging = lambda: (counting, fingerprint)  # type: ignore[method-assign]
    db = tmp_path / "db.sqlite3"
    feed_file = tmp_path / "feed.xml"
    feed = Feed()
    feed.items["a"] = Item(0, DATES[0])
    feed_file.write_bytes(feed.body())
    await _poll(db, state, "v1", feed_file)
    assert counting.titles == [TEXTS[0][0]]

    feed.items["b"] = Item(1, DATES[0])
    feed_file.write_bytes(feed.body())
    await _poll(db, state, "v1", feed_file)  # same version: only the new story
    assert counting.titles[1:] == [TEXTS[1][0]]

    feed.items["c"] = Item(4, DATES[0])
    feed_file.write_bytes(feed.body())
    await _poll(db, state, "v2", feed_file)  # a new lexicon: every story again
    assert sorted(counting.titles[2:]) == sorted(t for t, _ in (TEXTS[0], TEXTS[1], TEXTS[4]))


async def test_the_stage_times_count_what_each_poll_did(tmp_path: Path) -> None:
    """`Ingestor.stages` (read by bench/polling.py): feeds parsed, stories tagged and
    skipped by the cache, and time in each stage."""
    state = RosterState(parse_roster(ROSTER))
    storage = await Storage.open(tmp_path / "db.sqlite3")
    executor = ThreadPoolExecutor(max_workers=1)
    ingestor = Ingestor(
        storage,
        None,  # type: ignore[arg-type]  # local files only
        state,
        poll_interval_s=600,
        parse_pool=ParsePool(lambda: executor),
        clock=lambda: START,
    )
    feed_file = tmp_path / "feed.xml"
    feed = Feed()
    try:
        feed.items["a"] = Item(0, DATES[0])
        feed.items["b"] = Item(1, DATES[0])
        feed_file.write_bytes(feed.body())
        await ingestor.poll_urls([str(feed_file)])
        first = ingestor.stages.snapshot()
        assert (first.feeds_changed, first.stories_tagged, first.stories_cached) == (1, 2, 0)
        assert first.feeds_diffed == 0
        assert first.tag_s > 0 and first.tag_cpu_s > 0 and first.store_s > 0
        assert first.parse_s > 0 and first.fetch_s > 0

        feed.items["c"] = Item(4, DATES[0])
        feed_file.write_bytes(feed.body())
        await ingestor.poll_urls([str(feed_file)])
        now = ingestor.stages
        # Only the new item was parsed (bot/pipeline/item_diff.py): nothing left to skip.
        assert (now.feeds_changed, now.feeds_diffed, now.stories_tagged) == (2, 1, 3)
        assert now.stories_cached == 0
        assert now.tag_s > first.tag_s and first.feeds_changed == 1  # a snapshot stays put
    finally:
        ingestor.close()
        executor.shutdown()
        await storage.close()
