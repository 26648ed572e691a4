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
from typing import TYPE_CHECKING, Any

# The tagger and the roster are imported by `tag` and `eval` only: every `domestique`
# command loads this module, and `health` (Docker's HEALTHCHECK) must answer quickly.
if TYPE_CHECKING:
    from feeds.models import StoryTags
    from feeds.roster import Roster
    from feeds.tagger import Tagger

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
    parser.add_argument(
        "--feed-is-cycling",
        choices=("yes", "no", "auto"),
        default="auto",
        help="tag the stories as from a cycling feed (a rider's name alone counts) or not; "
        "auto (default), as ingestion decides for a new feed: yes when at least half the "
        "stories read as cycling on their own words, or when there are fewer than 10",
    )
    parser.add_argument(
        "--unknown-people",
        action="store_true",
        help="also read moves of people the roster does not know (off by default: "
        "docs/TRANSFERS.md, 'People the roster does not know')",
    )
    parser.add_argument("input", metavar="IN.jsonl", help="JSON Lines: id, title, text, published")


def _load(
    args: argparse.Namespace, *, annotated: bool = False
) -> tuple[Roster, list[dict[str, Any]]] | int:
    """The roster and every input record, or exit status 2 after saying what is wrong."""
    from feeds.evaluation import InputError, read_jsonl
    from feeds.roster import RosterError, load_roster

    try:
        roster = load_roster(args.roster or ())
    except RosterError as exc:
        print(f"domestique: {exc}", file=sys.stderr)
        return 2
    path = Path(args.input)
    try:
        with path.open(encoding="utf-8-sig") as fh:  # tolerate a byte-order mark
            records = read_jsonl(fh, str(path), annotated=annotated)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"domestique: cannot read {path}: {exc}", file=sys.stderr)
        return 2
    except InputError as exc:
        print(f"domestique: {exc}", file=sys.stderr)
        return 2
    return roster, records


def feed_is_cycling(choice: str, tagger: Tagger, records: list[dict[str, Any]]) -> bool:
    """`--feed-is-cycling`: the file's stories measured as one new feed's for "auto"."""
    from bot.pipeline.cycling_share import measure_texts

    if choice != "auto":
        return choice == "yes"
    texts = [(r["title"], r["text"], r.get("_published")) for r in records]
    return measure_texts(tagger, texts).is_cycling


def predict(
    tagger: Tagger, roster: Roster, record: dict[str, Any], cycling_feed: bool | None = None
) -> dict[str, Any]:
    """The `tag` output line for one input record."""
    published = record.get("_published")
    # `lang` (optional) is the story's declared language, as a feed's would be
    language = record.get("lang") if isinstance(record.get("lang"), str) else None
    tags = tagger.tag(
        record["title"], record["text"], published, feed_is_cycling=cycling_feed, language=language
    )
    people = roster.people
    return {
        "id": record["id"],
        "riders": [*(people[i].name for i in tags.riders), *tags.unknown_riders],
        "teams": [roster.teams[i].name_on(published) for i in tags.teams],
        "staff": [people[i].name for i in tags.staff],
        "is_transfer": tags.is_transfer,
        "moves": [
            {
                "person": m.person,
                "from": m.from_team,
                "to": m.to_team,
                "status": m.status,
                "stage": m.stage,
            }
            for m in tags.moves
        ],
        **race_fields(tagger, tags),
    }


def race_fields(tagger: Tagger, tags: StoryTags) -> dict[str, Any]:
    """`races` (canonical names), `race_focus` ({race, year, stage} or null) and `kind`."""
    calendar = tagger.races.calendar
    focus = tags.race_focus
    return {
        "races": [calendar.races[i].name for i in tags.races],
        "race_focus": None
        if focus is None
        else {"race": calendar.races[focus.race_id].name, "year": focus.year, "stage": focus.stage},
        "kind": tags.kind,
    }


def tag_command(args: argparse.Namespace) -> int:
    from feeds.tagger import Tagger

    loaded = _load(args)
    if isinstance(loaded, int):
        return loaded
    roster, records = loaded
    tagger = Tagger(roster, unknown_people=args.unknown_people)
    cycling = feed_is_cycling(args.feed_is_cycling, tagger, records)
    # Everything is tagged before anything is written: a failure leaves stdout empty.
    lines = [json.dumps(predict(tagger, roster, r, cycling), ensure_ascii=False) for r in records]
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    return 0


def eval_command(args: argparse.Namespace) -> int:
    from feeds.evaluation import score
    from feeds.tagger import Tagger

    # Every line is checked before anything is tagged or printed: no partial table.
    loaded = _load(args, annotated=True)
    if isinstance(loaded, int):
        return loaded
    roster, records = loaded
    tagger = Tagger(roster, unknown_people=args.unknown_people)
    cycling = feed_is_cycling(args.feed_is_cycling, tagger, records)
    predicted = {r["id"]: predict(tagger, roster, r, cycling) for r in records}
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
