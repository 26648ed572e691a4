from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

from bot.pipeline.parse_pool import ParsePool

GOOD = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    b"<item><guid>1</guid><title>Stage 1</title><link>https://n.example/1</link></item>"
    b"</channel></rss>"
)
# Hundreds of thousands of unclosed elements: the loose parser needs about 20 s of CPU for
# it, far past LIMIT_S, while LIMIT_S leaves a loaded machine time to start a new worker
# for the healthy feeds.
LIMIT_S = 3.0
SLOW = b'<?xml version="1.0"?><rss><channel><title>x</title>' + b"<a><b>" * 400_000


async def test_parses_in_a_worker_process():
    pool = ParsePool()
    try:
        parsed = await pool.parse(GOOD, "https://n.example/feed", 200)
        assert parsed.error is None and [s.title for s in parsed.stories] == ["Stage 1"]
    finally:
        pool.close()


async def test_a_parse_past_the_limit_is_stopped_and_the_next_one_works():
    pool = ParsePool(timeout_s=LIMIT_S)
    try:
        await pool.parse(GOOD, "https://n.example/feed", 200)  # worker started
        slow = await pool.parse(SLOW, "https://n.example/slow", 200)
        assert slow.error == f"parsing took longer than {LIMIT_S:g} s" and slow.stories == []
        again = await pool.parse(GOOD, "https://n.example/feed", 200)
        assert again.error is None and len(again.stories) == 1
    finally:
        pool.close()


async def test_feeds_queued_behind_a_slow_parse_are_not_charged_its_time():
    # A cycle hands the pool many feeds at once; a hostile one that times out must not
    # fail, or cancel, the healthy feeds that were only waiting behind it.
    pool = ParsePool(timeout_s=LIMIT_S)
    try:
        await pool.parse(GOOD, "https://n.example/feed", 200)  # worker started
        slow, *good = await asyncio.gather(
            pool.parse(SLOW, "https://n.example/slow", 200),
            *(pool.parse(GOOD, f"https://n.example/{n}", 200) for n in range(5)),
        )
        assert slow.error == f"parsing took longer than {LIMIT_S:g} s"
        assert [(p.error, len(p.stories)) for p in good] == [(None, 1)] * 5
    finally:
        pool.close()


OWNER = """
import os, sys
from bot.pipeline.parse_pool import process_pool
pool = process_pool()
print(pool.submit(os.getpid).result(), flush=True)
sys.stdin.read()
"""


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A zombie still answers kill(0): it has exited and waits only for its parent to reap it.
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] == "Z"


def test_a_worker_outlives_no_bot_killed_outright():
    # SIGKILL gives the bot no chance to stop its pool: the worker must notice on its own.
    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        worker = int(owner.stdout.readline())
        assert not _gone(worker)
        owner.kill()
        owner.wait()
        deadline = time.monotonic() + 60
        while not _gone(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _gone(worker)
    finally:
        owner.kill()
        owner.wait()
