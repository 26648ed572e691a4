"""`domestique tag` and `domestique eval`: the tagger on JSON Lines files.

`tag` writes one JSON line per input line to stdout and nothing else (logs go to
stderr); `eval` scores the tagger against an annotated file and prints a table.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

from feeds.nlp.evaluate import InputError, read_jsonl, score
from feeds.nlp.tag import Tagger
from feeds.roster import Roster, RosterError, load_roster

log = logging.getLogger(__name__)


def add_arguments(subparsers: Any) -> None:
    """Register `tag` and `eval` on the main CLI's subparsers."""
    tag = subparsers.add_parser("tag", help="tag stories from a JSON Lines file")
    _common(tag)
    tag.set_defaults(func=tag_command)
    ev = subparsers.add_parser("eval", help="score the tagger on an annotated JSON Lines file")
    _common(ev)
    ev.add_argument("-v", "--verbose", action="store_true", help="list misses after the table")
    ev.set_defaults(func=eval_command)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--roster",
        action="append",
        default=[],
        metavar="FILE",
        help="extra roster file on top of the bundled one (repeatable)",
    )
    parser.add_argument("input", metavar="IN.jsonl", help="JSON Lines: id, title, text, published")


def _load(args: argparse.Namespace) -> tuple[Roster, list[dict[str, Any]]] | int:
    try:
        roster = load_roster(args.roster or ())
    except RosterError as exc:
        print(f"domestique: {exc}", file=sys.stderr)
        return 2
    path = Path(args.input)
    try:
        with path.open(encoding="utf-8-sig") as fh:  # tolerate a byte-order mark
            records = read_jsonl(fh, str(path))
    except (OSError, UnicodeDecodeError) as exc:
        print(f"domestique: cannot read {path}: {exc}", file=sys.stderr)
        return 2
    except InputError as exc:
        print(f"domestique: {exc}", file=sys.stderr)
        return 2
    return roster, records


def predict(tagger: Tagger, roster: Roster, record: dict[str, Any]) -> dict[str, Any]:
    """The `tag` output line for one input record."""
    published = record.get("_published")
    tags = tagger.tag(record["title"], record["text"], published)
    people = roster.people
    return {
        "id": record["id"],
        "riders": [people[i].name for i in tags.riders],
        "teams": [roster.teams[i].name_on(published) for i in tags.teams],
        "staff": [people[i].name for i in tags.staff],
        "is_transfer": tags.is_transfer,
        "moves": [
            {"person": m.person, "from": m.from_team, "to": m.to_team, "status": m.status}
            for m in tags.moves
        ],
    }


def tag_command(args: argparse.Namespace) -> int:
    loaded = _load(args)
    if isinstance(loaded, int):
        return loaded
    roster, records = loaded
    tagger = Tagger(roster)
    # Everything is tagged before anything is written: a failure leaves stdout empty.
    lines = [json.dumps(predict(tagger, roster, r), ensure_ascii=False) for r in records]
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    return 0


def eval_command(args: argparse.Namespace) -> int:
    loaded = _load(args)
    if isinstance(loaded, int):
        return loaded
    roster, records = loaded
    tagger = Tagger(roster)
    predicted = {r["id"]: predict(tagger, roster, r) for r in records}
    report = score(records, predicted, roster)
    print(report.table())
    if getattr(args, "verbose", False) and report.misses:
        print()
        print("misses:")
        for line in report.misses:
            print(f"  {line}")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    parser = argparse.ArgumentParser(prog="domestique")
    sub = parser.add_subparsers(metavar="COMMAND")
    add_arguments(sub)
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help(sys.stderr)
        return 2
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
