"""Feed parsing in a worker process, with a time limit that cannot be ignored.

feedparser is pure Python: in the event loop it blocks everything (about 23 ms a
feed, far more for a malformed one), and a thread would still hold the GIL. A
separate process keeps the loop free. A parse that runs past the limit has its
worker killed and the pool replaced, so one hostile feed cannot stall the
feeds queued behind it.

A job is handed to the executor only when a worker is free, so the limit times the
parse itself, never the wait behind other feeds: a cycle fetches hundreds of feeds
in a few seconds and their parses queue for longer than the limit (bench/polling.py),
and a timeout's reset must not cancel feeds that were merely waiting.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import select
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from feeds.ingest.parse import parse_feed, skip_missing_xml_drivers
from feeds.models import ParsedFeed

log = logging.getLogger(__name__)

PARSE_TIMEOUT_S = 30.0


WORKERS = 1
"""Parse processes: one keeps parsing off the loop. A second measured no faster on a
2-core machine while other work took the cores (bench/polling.py --parse-workers 2,
docs/BENCHMARKS.md) and costs ~50 MB more; and a changed feed's known items are no
longer parsed again (bot/pipeline/item_diff.py)."""


def process_pool(workers: int | None = None) -> Executor:
    # forkserver, not fork: the parent already runs threads (aiosqlite, asyncio.to_thread).
    return ProcessPoolExecutor(
        max_workers=workers or WORKERS,
        mp_context=multiprocessing.get_context("forkserver"),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )


def _start_worker(owner_pid: int) -> None:
    # Ctrl-C reaches the whole process group: the bot stops its pool itself, and a worker
    # dying of KeyboardInterrupt first only printed a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    skip_missing_xml_drivers()
    threading.Thread(target=_exit_after, args=(owner_pid,), daemon=True).start()


def _exit_after(owner_pid: int) -> None:
    """End this worker when the bot that owns it is gone.

    A worker waits on a queue whose both ends it holds, and it holds the forkserver's
    liveness pipe too: when the bot is killed outright (SIGKILL, the OOM killer) neither
    ever sees the end, and the worker and the forkserver would idle on forever."""
    try:
        handle = os.pidfd_open(owner_pid)
    except (AttributeError, OSError):
        handle = None
    if handle is not None:
        select.select([handle], [], [])  # readable once the owner has exited
    else:
        while _alive(owner_pid):
            time.sleep(2.0)
    os._exit(0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ParsePool:
    def __init__(
        self,
        make_executor: Callable[[], Executor] | None = None,
        timeout_s: float = PARSE_TIMEOUT_S,
        workers: int | None = None,
    ) -> None:
        """`workers` is how many jobs the executor runs at once (default WORKERS); without
        `make_executor`, a process pool of that many."""
        count = workers or WORKERS
        self._make_executor = make_executor or (lambda: process_pool(count))
        self.timeout_s = timeout_s
        self._executor: Executor | None = None
        self._free_workers = asyncio.Semaphore(count)

    @property
    def executor(self) -> Executor:
        if self._executor is None:
            self._executor = self._make_executor()
        return self._executor

    async def parse(self, body: bytes, base_url: str, max_items: int) -> ParsedFeed:
        async with self._free_workers:
            return await self._parse(body, base_url, max_items)

    async def _parse(self, body: bytes, base_url: str, max_items: int) -> ParsedFeed:
        for attempt in (1, 2):
            executor = self.executor
            future = asyncio.get_running_loop().run_in_executor(
                executor, _parse_job, body, base_url, max_items
            )
            try:
                return await asyncio.wait_for(future, self.timeout_s)
            except TimeoutError:
                log.warning(
                    "parsing %s took over %.0f s; worker replaced", base_url, self.timeout_s
                )
                self._reset(executor)
                return ParsedFeed(None, [], error=f"parsing took longer than {self.timeout_s:g} s")
            except BrokenProcessPool:
                # Another feed's timeout killed the worker under us: retry once on a new one.
                self._reset(executor)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _reset(self, executor: Executor) -> None:
        if executor is not self._executor:
            return
        self._executor = None
        # ProcessPoolExecutor offers no public way to stop a running task: end its workers.
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
        executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _parse_job(body: bytes, base_url: str, max_items: int) -> ParsedFeed:
    # Module-level so the process pool can pickle it.
    return parse_feed(body, base_url=base_url, max_items=max_items)
