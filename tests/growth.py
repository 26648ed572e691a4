"""Linear-time checks for hostile text: ratios measured in one run, never absolute times.

Four times the input may not take eight times as long (linear is 4x, quadratic 16x). A
shared machine can stall one measurement (another worker, a garbage collection), so each
time is the fastest of three runs with the collector paused, and a failed ratio is measured
again up to three times: noise passes on a second try, a quadratic path fails every one."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from functools import partial

GROWTH = 4
MAX_RATIO = 8.0
ATTEMPTS = 3
MIN_SECONDS = 0.01
MAX_DOUBLINGS = 5


def fastest_seconds(run: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of `repeat` runs of `run`, with the garbage collector paused."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - start)
    finally:
        if enabled:
            gc.enable()
    return best


def assert_linear(
    read: Callable[[str], object],
    make: Callable[[int], str],
    n: int,
    *,
    max_ratio: float = MAX_RATIO,
) -> None:
    """`read` takes less than `max_ratio` times as long on `make(n * GROWTH)` as on
    `make(n)` (n doubled, at most MAX_DOUBLINGS times, until `make(n)` takes MIN_SECONDS);
    the texts are built before the clock starts."""
    fastest_seconds(lambda: read(make(max(1, n // 20))), repeat=1)  # warm the caches
    # A read of a millisecond or two is mostly fixed cost and timer noise: one stalled run
    # on a loaded machine doubles it. Grow the input until the small case is measurable.
    for _ in range(MAX_DOUBLINGS):
        if fastest_seconds(partial(read, make(n)), repeat=1) >= MIN_SECONDS:
            break
        n *= 2
    small_text, large_text = make(n), make(n * GROWTH)
    seen: list[str] = []
    for _ in range(ATTEMPTS):
        small = fastest_seconds(lambda: read(small_text))
        large = fastest_seconds(lambda: read(large_text))
        if large / small < max_ratio:
            return
        seen.append(f"{small:.3f}s -> {large:.3f}s")
    raise AssertionError(f"{GROWTH}x the input took over {max_ratio}x as long: {'; '.join(seen)}")
