"""Start-up: wall time of `domestique --help`, `health` and `feeds list`, and a roster parse.

Run: .venv/bin/python bench/startup.py [--quick] [--runs N] [--riders N]

Each command runs as a fresh process (as Docker's healthcheck and an operator run it), in
an empty folder with a database holding one feed polled a minute ago, `--runs` times
(default 15), commands interleaved so noise falls on all alike. Two baselines are measured
the same way in the same run: `python -c pass` (the interpreter alone) and `python -c
"import ..."` of the modules the command needs (argparse for `--help`; asyncio, sqlite3,
aiosqlite, the storage package and the settings for `health` and `feeds list`): what a
command costs beyond them is its own. Prints median, min and max per command and the
modules each one loaded (`sys.modules` after the command, counted in a separate run).

Then the roster: a generated file of `--riders` riders (default 7,000, each with an alias
and two stints) across 40 teams, parsed with `feeds.roster.parse_roster` (best of a few)
without the parsed-roster cache (a text seen for the first time) and with it (every later
start, feeds/roster/cache.py), against `tomllib.loads` of the same text (the TOML parsing
alone; the checks are the rest).

Ends with `startup_health_s: V (baseline V, ratio)` (median wall time of `health` against
importing the modules it needs).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from feeds.roster import parse_roster  # noqa: E402
from feeds.roster.cache import CACHE_ENV  # noqa: E402
from storage import Storage  # noqa: E402

STORAGE_MODULES = "asyncio, sqlite3, aiosqlite, storage, bot.settings"
COMMANDS: dict[str, tuple[tuple[str, ...], str]] = {
    "--help": (("--help",), "argparse"),
    "health": (("health",), STORAGE_MODULES),
    "feeds list": (("feeds", "list"), STORAGE_MODULES),
}
"""Each command's arguments and the modules it cannot do without (its import baseline)."""
TEAMS = 40
COUNT_MODULES = (
    "import contextlib, io, sys\n"
    "from bot.cli.main import main\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    try:\n"
    "        main(sys.argv[1:])\n"
    "    except SystemExit:\n"
    "        pass\n"
    "print(len(sys.modules))\n"
)


def domestique() -> list[str]:
    """The installed `domestique` script beside this Python, else `python -m bot`."""
    script = Path(sys.executable).with_name("domestique")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def environment(database: Path) -> dict[str, str]:
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DOMESTIQUE_") and k != "DISCORD_TOKEN"
    }
    environ.update(PYTHONPATH=str(ROOT), DOMESTIQUE_DATABASE=str(database))
    return environ


def wall(command: list[str], cwd: Path, environ: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=environ, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr}")
    return elapsed


async def polled_database(path: Path) -> None:
    storage = await Storage.open(path)
    try:
        feed, _ = await storage.feeds.add("https://news.example/feed.xml", time.time())
        polled = time.time() - 60
        await storage.feeds.record_unchanged(feed.id, polled, polled + 600)
    finally:
        await storage.close()


def measure_commands(runs: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="domestique-startup-") as folder:
        cwd = Path(folder)
        database = cwd / "bot.sqlite3"
        asyncio.run(polled_database(database))
        environ = environment(database)
        plan: dict[str, list[str]] = {"python -c pass": [sys.executable, "-c", "pass"]}
        for name, (args, needs) in COMMANDS.items():
            plan[name] = [*domestique(), *args]
            plan[f"import for {name}"] = [sys.executable, "-c", f"import {needs}"]
        times: dict[str, list[float]] = {name: [] for name in plan}
        for command in plan.values():  # warm the file cache and the .pyc files
            wall(command, cwd, environ)
        for _ in range(runs):
            for name, command in plan.items():
                times[name].append(wall(command, cwd, environ))
        print(f"{'command':>24} {'median s':>9} {'min s':>7} {'max s':>7} {'modules':>8}")
        for name, values in times.items():
            args = COMMANDS[name][0] if name in COMMANDS else None
            modules = ""
            if args is not None:
                counted = subprocess.run(
                    [sys.executable, "-c", COUNT_MODULES, *args],
                    cwd=cwd,
                    env=environ,
                    capture_output=True,
                    text=True,
                )
                modules = counted.stdout.strip().splitlines()[-1]
            print(
                f"{name:>24} {statistics.median(values):>9.3f} {min(values):>7.3f}"
                f" {max(values):>7.3f} {modules:>8}"
            )
        return times


def roster_text(riders: int) -> str:
    parts = [
        f'[[team]]\nid = "team-{t:02d}"\ncountry = "FRA"\naliases = ["T{t}"]\n'
        f'names = [{{ name = "Équipe {t:02d}", from = 2020-01-01 }}]\n'
        for t in range(TEAMS)
    ]
    for i in range(riders):
        first, second = i % TEAMS, (i * 7 + 1) % TEAMS
        parts.append(
            f'[[rider]]\nname = "Rider Nümber{i}"\naliases = ["Nümber{i}"]\n'
            f'nationality = "BEL"\nteams = [{{ team = "team-{first:02d}", from = 2019, '
            f'until = 2023 }}, {{ team = "team-{second:02d}", from = 2024 }}]\n'
        )
    return "\n".join(parts)


def best_of(repeats: int, work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def measure_roster(riders: int, repeats: int) -> tuple[float, float]:
    """`parse_roster` without the cache (the first time a text is seen) and with it (every
    later start: feeds/roster/cache.py), beside `tomllib.loads` alone."""
    text = roster_text(riders)
    half = roster_text(riders // 2)
    with tempfile.TemporaryDirectory(prefix="domestique-roster-cache-") as folder:
        os.environ[CACHE_ENV] = ""  # no cache: what the first parse of a text costs
        roster = parse_roster(text, "generated")
        assert len(roster.people) == riders and len(roster.teams) == TEAMS
        cold = best_of(repeats, lambda: parse_roster(text, "generated"))
        cold_half = best_of(repeats, lambda: parse_roster(half, "generated"))
        os.environ[CACHE_ENV] = folder
        assert parse_roster(text, "generated") == roster  # parsed once, kept
        warm = best_of(repeats, lambda: parse_roster(text, "generated"))
        del os.environ[CACHE_ENV]
    toml = best_of(repeats, lambda: tomllib.loads(text))
    print(
        f"\nroster of {riders} riders ({len(text) / 1e6:.1f} MB): parse_roster {warm:.3f} s "
        f"from the cache, {cold:.3f} s parsed (tomllib.loads alone {toml:.3f} s); "
        f"{riders // 2} riders parsed {cold_half:.3f} s "
        f"(x{cold / cold_half:.2f} for twice the riders: linear is 2)"
    )
    return warm, cold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs, 2,000 riders")
    parser.add_argument("--runs", type=int, default=None, help="runs per command (default 15)")
    parser.add_argument("--riders", type=int, default=None, help="roster size (default 7000)")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 15)
    riders = args.riders or (2_000 if args.quick else 7_000)
    times = measure_commands(runs)
    parse, cold = measure_roster(riders, 3 if args.quick else 5)
    health = statistics.median(times["health"])
    base = statistics.median(times["import for health"])
    help_s = statistics.median(times["--help"])
    print(
        f"\ntargets: health <= 0.15 s: {health:.3f} s; --help <= 0.25 s: {help_s:.3f} s; "
        f"{riders}-rider roster <= 0.2 s: {parse:.3f} s from the cache ({cold:.3f} s the "
        "first time)"
    )
    print(f"startup_health_s: {health:.3f} (baseline {base:.3f}, x{health / base:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
