"""Changed feeds' polls written together: the feeds that finish tagging while a write is under
way are written by the next one, in one transaction (`ArticleStore.save_polls`).

A steady cycle stores one new story in each of hundreds of feeds. Written one feed at a
time, each poll cost about fifteen statements, each a hand-off between the event loop and
the database thread that both pay for (bench/polling.py: more CPU than the one story's
rows). A batch costs about as many statements as one poll. Nothing waits for a batch to
fill: the first poll is written at once, and those that arrive meanwhile go together next.

The batch writes what `save_poll` would have written for the same polls one after another;
a poll it cannot take that way (a known story changed or tagged anew, a key twice, a feed
removed) is then written alone with `save_poll`, as is every poll of a batch that failed,
so one feed's trouble stays with that feed.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3

from storage import Storage
from storage.articles import PollToSave, SaveResult

log = logging.getLogger(__name__)

MAX_FEEDS = 16
"""Polls a batch takes at most (the rest go in the next one)."""


class PollWriter:
    """Writes polls in batches; `save` returns what `save_poll` would have for the poll."""

    def __init__(self, storage: Storage, max_feeds: int = MAX_FEEDS) -> None:
        self.storage = storage
        self.max_feeds = max_feeds
        self.batches = 0
        """Batches written (with `polls`, how well they filled: bench/polling.py)."""
        self.polls = 0
        self._waiting: list[tuple[PollToSave, asyncio.Future[SaveResult]]] = []
        self._writing: asyncio.Task[None] | None = None

    async def save(self, poll: PollToSave) -> SaveResult:
        future: asyncio.Future[SaveResult] = asyncio.get_running_loop().create_future()
        self._waiting.append((poll, future))
        if self._writing is None or self._writing.done():
            self._writing = asyncio.get_running_loop().create_task(self._write_all())
        return await future

    async def idle(self) -> None:
        """Returns once every poll handed over so far is written (or has failed)."""
        while self._writing is not None and not self._writing.done():
            await asyncio.shield(self._writing)

    async def _write_all(self) -> None:
        batch: list[tuple[PollToSave, asyncio.Future[SaveResult]]] = []
        try:
            while self._waiting:
                batch = self._waiting[: self.max_feeds]
                del self._waiting[: self.max_feeds]
                # A poll whose feed's task was cancelled while it waited is not written, as a
                # cancelled save_poll rolls back.
                batch = [(poll, future) for poll, future in batch if not future.done()]
                if batch:
                    await self._write(batch)
        finally:
            # Only when this task itself is cancelled (the loop closing): nobody waits forever.
            for _, future in batch + self._waiting:
                if not future.done():
                    future.cancel()
            self._waiting.clear()

    async def _write(self, batch: list[tuple[PollToSave, asyncio.Future[SaveResult]]]) -> None:
        try:
            results = await self.storage.articles.save_polls([poll for poll, _ in batch])
        except (sqlite3.Error, OSError, LookupError) as exc:
            log.warning("writing %d polls together failed, each alone now: %s", len(batch), exc)
            results = [None] * len(batch)
        except Exception:
            log.exception("writing %d polls together failed, each alone now", len(batch))
            results = [None] * len(batch)
        self.batches += 1
        self.polls += len(batch)
        for (poll, future), result in zip(batch, results, strict=True):
            if result is None:
                try:
                    result = await self.storage.articles.save_poll(
                        poll.feed_id,
                        poll.items,
                        poll.state,
                        poll.now,
                        after=poll.after,
                        tagged_with=poll.tagged_with,
                    )
                except Exception as exc:  # that feed's failure, reported to its poll
                    if not future.done():
                        future.set_exception(exc)
                    continue
            if not future.done():
                future.set_result(result)
