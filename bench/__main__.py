"""Run every benchmark, one process each, and list their final lines.

Run: .venv/bin/python -m bench [--quick] [NAME ...]

Each benchmark runs as its own process (so one's memory or event loop cannot disturb
another's figures), prints its own table, and ends with one line
`name: value (baseline value, ratio)`; this runner repeats those lines at the end.
NAME is a file in bench/ without `.py` (tagging, polling, lookups, delivery, memory, startup).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ("tagging", "polling", "lookups", "delivery", "memory", "startup")


def available() -> list[str]:
    present = {path.stem for path in HERE.glob("*.py") if not path.stem.startswith("_")}
    return [name for name in ORDER if name in present] + sorted(present - set(ORDER))


def run(name: str, quick: bool) -> tuple[int, str]:
    command = [sys.executable, str(HERE / f"{name}.py"), *(["--quick"] if quick else [])]
    print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=HERE.parent)
    last = ""
    assert process.stdout is not None
    for line in process.stdout:
        print(line, end="", flush=True)
        if line.strip():
            last = line.strip()
    return process.wait(), last


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="small inputs, a smoke run")
    args = parser.parse_args(argv)
    names = args.names or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        parser.error(f"no benchmark called {', '.join(unknown)}; have {', '.join(available())}")
    started = time.monotonic()
    results = [(name, *run(name, args.quick)) for name in names]
    print(f"\n=== summary ({time.monotonic() - started:.0f} s)")
    for name, status, last in results:
        print(last if status == 0 else f"{name}: FAILED (exit {status})")
    return 0 if all(status == 0 for _, status, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
