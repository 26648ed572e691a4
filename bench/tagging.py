"""Tagging speed: the whole tagger (what ingestion pays) beside a competent user's matcher.

Run: .venv/bin/python bench/tagging.py [--quick] [--mb 3] [--corpus PATH]

`--quick` is a smoke run (a fraction of the text, one repetition): its figures are
noisier, the table and final line the same.

Texts are the development corpus repeated (with small variations) to a few MB, each
story tagged with its declared language and its publication date as a feed would give
them (a story the corpus leaves undated is tagged undated, as ingestion tags it).
Rosters: about 1,000 automaton keys (the bundled roster cut down), the bundled roster as
it is, and about 20,000 keys (padded with synthetic riders). For each, on one core:

- match: the matcher alone: fold the story once and run the automaton (longest-leftmost,
  whole words), giving every alias occurrence with its entities;
- mentions: `Tagger.mentions`: the matcher, offsets in the original text, then every
  rule (surnames, namesakes, context, descriptions, misspellings);
- tag: the whole tagger, `Tagger.tag`: mentions, then transfer extraction (skipped for
  a story with no move cue, feeds/nlp/transfers/prefilter.py), then races and the
  story's kind: what ingestion pays;
- no-skip: the same with the prefilter switched off (extraction on every story);
- undated: the whole tagger with every story's date withheld, the costly case (an
  undated story's season is searched from the names it mentions);
- rebuild: building a Tagger (automaton and alias tables) from the roster;
- baseline: what a competent user writes: one pyahocorasick automaton over every
  alias, unidecoded and lower-cased, run over the unidecoded, lower-cased story, kept
  where the hit is a whole word; no disambiguation, no transfers.

Times are CPU seconds of this process (`time.process_time`), so other work on the
machine disturbs them less than wall-clock time would.

Prints a table (MB/s and µs a story), where a story's time goes at the bundled roster
(mentions, the transfer prefilter, extraction, races and kind), the targets, then one
final line `name: value (baseline value, ratio)` for the whole tagger at ~20k keys
against the baseline of the same run.

`--profile [N]` times nothing either: it prints the stage split and the top N functions
of a cProfile run of the whole tagger at the bundled roster (by own and by cumulative
time), where to look first.

`--answers FILE` times nothing: it writes every answer the tagger gives (`domestique
tag` over every development corpus, each story's mentions and tags, and the tags of
this benchmark's texts at the bundled roster and at ~20k keys) and prints its digest.
A change meant to make the tagger faster, not different, leaves the file unchanged:
run it before and after and compare.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import io
import json
import random
import statistics
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NamedTuple, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ahocorasick
from unidecode import unidecode

from bot.pipeline.roster_state import RosterState
from feeds.evaluation import parse_published, read_jsonl
from feeds.nlp.document import Document
from feeds.nlp.transfers import extract as transfers_extract
from feeds.nlp.transfers.prefilter import may_report_move
from feeds.roster import Person, Roster, Stint, load_roster
from feeds.tagger import Tagger
from feeds.text.fold import FoldedText
from tests.corpus import DEV_CORPUS, development_sets

REPO = Path(__file__).resolve().parent.parent
CORPUS = DEV_CORPUS
SIZES = (1_000, 5_000, 20_000)
T = TypeVar("T")


class Story(NamedTuple):
    title: str
    text: str
    language: str | None
    published: date | None


SYLLABLES = [
    "ba",
    "be",
    "bo",
    "da",
    "de",
    "di",
    "ko",
    "ka",
    "la",
    "li",
    "lo",
    "ma",
    "me",
    "mi",
    "na",
    "ne",
    "no",
    "ra",
    "re",
    "ri",
    "sa",
    "se",
    "so",
    "ta",
    "te",
    "ti",
    "va",
    "vo",
]


def stories(corpus: Path, megabytes: float) -> list[Story]:
    """Corpus stories repeated until `megabytes`, each copy slightly different."""
    base = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    out: list[Story] = []
    size = 0
    n = 0
    while size < megabytes * 1e6:
        r = base[n % len(base)]
        # Vary the copies (numbers, paragraph order) so no cache sees the same story twice.
        paragraphs = r["text"].split("\n\n")
        k = (n // len(base)) % max(1, len(paragraphs))
        text = "\n\n".join(paragraphs[k:] + paragraphs[:k]) + f"\n\nUpdate {n}."
        language = r.get("lang") if isinstance(r.get("lang"), str) else None
        try:
            published = parse_published(r.get("published"))
        except ValueError:
            published = None
        out.append(Story(f"{r['title']} ({n})", text, language, published))
        size += len(out[-1][0]) + len(text) + 2
        n += 1
    return out


def fake_name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    return f"{word()} {word()}"


def roster_of_size(
    full: Roster, keys: int, rng: random.Random, mentioned: frozenset[str] = frozenset()
) -> Roster:
    """The bundled roster cut down or padded with synthetic riders to about `keys` keys.

    A cut keeps the `mentioned` teams and people first, so that every size finds the
    same names in the texts as far as it can: the sizes then differ in how many aliases
    the automaton holds, not in how many mentions the rules have to settle.
    """
    if Tagger(full).alias_count > keys:
        # Keep the same share of teams and of people, the largest that fits.
        def first_mentioned(items: dict[str, T]) -> list[tuple[str, T]]:
            return sorted(items.items(), key=lambda item: item[0] not in mentioned)

        teams, people = first_mentioned(full.teams), first_mentioned(full.people)

        def cut(share: float) -> Roster:
            return Roster(
                dict(teams[: round(share * len(teams))]), dict(people[: round(share * len(people))])
            )

        low, high = 0.0, 1.0
        for _ in range(14):
            mid = (low + high) / 2
            low, high = (mid, high) if Tagger(cut(mid)).alias_count <= keys else (low, mid)
        return cut(low)
    roster = Roster(dict(full.teams), dict(full.people))
    team_ids = list(full.teams)
    template = Person(id="", name="", kind="rider")
    while True:
        missing = keys - Tagger(roster).alias_count
        if missing <= 0:
            return roster
        # About four keys per synthetic rider: name, surname, initial form, alias.
        for _ in range(max(1, missing // 4)):
            name = fake_name(rng)
            pid = f"synthetic-{len(roster.people)}"
            roster.people[pid] = replace(
                template,
                id=pid,
                name=name,
                aliases=(name.split()[1] + " " + rng.choice(SYLLABLES),),
                nationality="BEL",
                stints=(Stint(rng.choice(team_ids), 2020),),
            )


def aliases_of(roster: Roster) -> list[str]:
    out: list[str] = []
    for p in roster.people.values():
        out.append(p.name)
        out.append(p.name.split()[-1])
        out.extend(p.aliases)
    for t in roster.teams.values():
        out.extend(t.all_names)
        out.extend(t.aliases)
    return list(dict.fromkeys(out))


def time_match(tagger: Tagger, pairs: list[Story]) -> float:
    """The matcher: fold the story once and run the automaton (longest-leftmost, whole
    words): every alias occurrence with its entities, at its place in the folded text."""
    automaton = tagger._matcher.automaton
    texts = [f"{title}\n\n{text}" for title, text, *_ in pairs]
    start = time.process_time()
    for text in texts:
        list(automaton.iter_long(FoldedText(text).folded))
    return time.process_time() - start


def time_mentions(tagger: Tagger, pairs: list[Story]) -> float:
    start = time.process_time()
    for title, text, *_ in pairs:
        tagger.mentions(title, text, None, True)
    return time.process_time() - start


def time_tag(tagger: Tagger, pairs: list[Story]) -> float:
    """The whole tagger, as ingestion calls it."""
    start = time.process_time()
    for title, text, language, published in pairs:
        tagger.tag(title, text, published, True, language)
    return time.process_time() - start


def time_undated(tagger: Tagger, pairs: list[Story]) -> float:
    """The whole tagger with no story's date known."""
    return time_tag(tagger, [story._replace(published=None) for story in pairs])


def time_no_skip(tagger: Tagger, pairs: list[Story]) -> float:
    """The whole tagger with transfer extraction run on every story (the prefilter
    switched off for the run)."""
    hook = transfers_extract.may_report_move
    # Whatever it is asked (text, mentions and the lower-cased text): read the story.
    transfers_extract.may_report_move = lambda *_: True
    try:
        return time_tag(tagger, pairs)
    finally:
        transfers_extract.may_report_move = hook


def skipped_share(tagger: Tagger, pairs: list[Story]) -> float:
    skipped = 0
    for title, text, *_ in pairs:
        mentions = tagger.mentions(title, text, None, True)
        skipped += not may_report_move(f"{title}\n\n{text}", mentions)
    return skipped / len(pairs)


def baseline_automaton(aliases: list[str]) -> ahocorasick.Automaton:
    """A competent user's matcher: every alias, unidecoded and lower-cased, in one automaton."""
    automaton = ahocorasick.Automaton()
    for alias in aliases:
        key = unidecode(alias).lower()
        automaton.add_word(key, (len(key), alias))
    automaton.make_automaton()
    return automaton


def time_baseline(automaton: ahocorasick.Automaton, pairs: list[Story]) -> float:
    """Every whole-word alias occurrence in the unidecoded, lower-cased story."""
    texts = [f"{title}\n\n{text}" for title, text, *_ in pairs]
    start = time.process_time()
    for text in texts:
        plain = unidecode(text).lower()
        found = []
        size = len(plain)
        for end, (length, alias) in automaton.iter(plain):
            first = end - length + 1
            if (first == 0 or not plain[first - 1].isalnum()) and (
                end + 1 == size or not plain[end + 1].isalnum()
            ):
                found.append(alias)
    return time.process_time() - start


STAGES = ("mentions", "prefilter", "extraction", "races")


def stage_split(tagger: Tagger, pairs: list[Story]) -> dict[str, float]:
    """CPU seconds of each step of `Tagger.tag`, the steps run as it runs them."""
    seconds = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    roster = tagger.roster
    for title, text, language, published in pairs:
        start = clock()
        doc = Document(title, text, published, language)
        mentions = tagger._mentions(doc, True)
        found = clock()
        keep = may_report_move(doc.text, mentions, doc.low)
        kept = clock()
        is_transfer, moves = (
            transfers_extract._extract_document(doc, mentions, roster) if keep else (False, [])
        )
        read = clock()
        tagger.races.tag_document(doc, mentions, roster, moves, is_transfer)
        end = clock()
        seconds["mentions"] += found - start
        seconds["prefilter"] += kept - found
        seconds["extraction"] += read - kept
        seconds["races"] += end - read
    return seconds


def best_of(n: int, fn, *args) -> float:  # type: ignore[no-untyped-def]
    return min(fn(*args) for _ in range(n))


def write_answers(path: Path, pairs: list[Story]) -> int:
    """Every answer of the tagger, one per line, to compare two versions of it."""
    from bot.cli.tagging import main as cli

    # Every development set (the sets already scored blind); never a set still sealed.
    corpora = development_sets()
    lines: list[str] = []
    for corpus in corpora:
        for cycling in ("auto", "yes", "no"):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                status = cli(["tag", "--feed-is-cycling", cycling, str(corpus)])
            lines += [f"## domestique tag {corpus.name} {cycling}: {status}", out.getvalue()]
    full = load_roster()
    tagger = Tagger(full)
    for corpus in corpora:
        with corpus.open(encoding="utf-8") as fh:
            for r in read_jsonl(fh, str(corpus)):
                language = r.get("lang") if isinstance(r.get("lang"), str) else None
                for cycling in (None, True):
                    lines.append(
                        repr(tagger.mentions(r["title"], r["text"], r["_published"], cycling))
                    )
                    tags = tagger.tag(r["title"], r["text"], r["_published"], cycling, language)
                    lines.append(repr(tags))
    mentioned = frozenset(m.entity_id for t, x, *_ in pairs for m in tagger.mentions(t, x, None))
    big = Tagger(roster_of_size(full, 20_000, random.Random(7), mentioned))
    for label, each in (("bundled", tagger), ("20k", big)):
        lines.append(f"## benchmark texts, {label} roster")
        lines += [repr(each.tag(t, x, d, True, language)) for t, x, language, d in pairs]
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"{len(lines)} lines, sha256 {hashlib.sha256(text.encode()).hexdigest()}")
    return 0


def profile_tagger(pairs: list[Story], top: int) -> int:
    """Where `Tagger.tag`'s time goes, by function (cProfile: its per-call overhead
    inflates functions called many times, so read shares, not absolute times)."""
    import cProfile
    import pstats

    state = RosterState(load_roster(), freeze_heap=True)
    time_tag(state.tagger, pairs[:50])  # the cue indexes and the prefilter are built once
    split = stage_split(state.tagger, pairs)
    print(
        f"{len(pairs)} stories; µs a story (unprofiled): "
        + ", ".join(f"{stage} {1e6 * split[stage] / len(pairs):.0f}" for stage in STAGES)
    )
    profiler = cProfile.Profile()
    profiler.runcall(time_tag, state.tagger, pairs)
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="megabytes of text (default 3)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 0.3 MB of text, one repetition"
    )
    parser.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=30,
        metavar="N",
        help="time nothing: profile the whole tagger at the bundled roster, top N functions",
    )
    parser.add_argument(
        "--answers",
        type=Path,
        metavar="FILE",
        help="time nothing: write every answer of the tagger to FILE and print its digest",
    )
    args = parser.parse_args()
    if args.answers is not None:
        return write_answers(args.answers, stories(CORPUS, 1.0))
    if args.quick:
        args.mb, args.repeat = min(args.mb, 0.3), 1
    if not args.corpus.exists():
        parser.error(f"no corpus at {args.corpus} (set DOMESTIQUE_CORPUS or pass --corpus)")
    if args.profile is not None:
        return profile_tagger(stories(args.corpus, min(args.mb, 0.5)), args.profile)

    pairs = stories(args.corpus, args.mb)
    mb = sum(len(f"{t}\n\n{x}".encode()) for t, x, *_ in pairs) / 1e6
    full = load_roster()
    everyone = Tagger(full)
    mentioned = frozenset(m.entity_id for t, x, *_ in pairs for m in everyone.mentions(t, x, None))
    bundled_keys = everyone.alias_count
    del everyone
    rng = random.Random(7)

    print(f"{len(pairs)} stories, {mb:.2f} MB ({1000 * mb / len(pairs):.2f} KB a story)")
    print(
        f"{'roster':>8} {'keys':>6} {'match':>7} {'mentions':>9} {'tag':>6} {'no-skip':>8}"
        f" {'undated':>8} {'baseline':>9} {'tag µs':>7} {'no-skip µs':>10} {'skipped':>8}"
        f" {'rebuild s':>9}"
    )
    results = {}
    split: dict[str, float] = {}
    for label, size in (("1k", 1_000), ("bundled", None), ("20k", 20_000)):
        roster = full if size is None else roster_of_size(full, size, rng, mentioned)
        builds = []
        for _ in range(args.repeat):
            start = time.process_time()
            tagger = Tagger(roster)
            builds.append(time.process_time() - start)
        # As the bot holds it (bot.roster_state.RosterState): the long-lived roster and
        # tagger moved out of the cyclic collector's reach, so collections triggered by
        # each story's short-lived objects do not walk them again and again.
        state = RosterState(roster, freeze_heap=True)
        tagger = state.tagger
        time_tag(tagger, pairs[:50])  # the cue indexes and the prefilter are built once
        seconds = {
            "match": best_of(args.repeat, time_match, tagger, pairs),
            "mentions": best_of(args.repeat, time_mentions, tagger, pairs),
            "tag": best_of(args.repeat, time_tag, tagger, pairs),
            "no-skip": best_of(args.repeat, time_no_skip, tagger, pairs),
            "undated": best_of(args.repeat, time_undated, tagger, pairs),
        }
        if size is None:
            runs = [stage_split(tagger, pairs) for _ in range(args.repeat)]
            split = {stage: min(run[stage] for run in runs) for stage in STAGES}
        skipped = skipped_share(tagger, pairs)
        keys = tagger.alias_count
        automaton = baseline_automaton(aliases_of(roster))
        del state, tagger
        gc.unfreeze()
        seconds["baseline"] = best_of(args.repeat, time_baseline, automaton, pairs)
        row = {stage: mb / s for stage, s in seconds.items()}
        row |= {
            "keys": keys,
            "tag_us": 1e6 * seconds["tag"] / len(pairs),
            "no_skip_us": 1e6 * seconds["no-skip"] / len(pairs),
            "skipped": skipped,
            "rebuild": statistics.median(builds),
        }
        results[label] = row
        print(
            f"{label:>8} {keys:>6} {row['match']:>7.1f} {row['mentions']:>9.2f} {row['tag']:>6.2f}"
            f" {row['no-skip']:>8.2f} {row['undated']:>8.2f} {row['baseline']:>9.2f}"
            f" {row['tag_us']:>7.0f} {row['no_skip_us']:>10.0f} {100 * skipped:>7.0f}%"
            f" {row['rebuild']:>9.3f}"
        )

    big, home = results["20k"], results["bundled"]
    print()
    print(
        "bundled roster, µs a story: "
        + ", ".join(f"{stage} {1e6 * split[stage] / len(pairs):.0f}" for stage in STAGES)
        + f" (together {1e6 * sum(split.values()) / len(pairs):.0f})"
    )
    print("MB/s of text, CPU; µs a story; skipped = stories whose transfer extraction the")
    print(f"prefilter skipped. Bundled roster: {bundled_keys} keys.")
    print(
        f"whole tagger at the bundled roster: {home['tag']:.2f} MB/s (target >= 3); "
        f"at ~20k keys {big['tag']:.2f} MB/s, {100 * big['tag'] / home['tag']:.0f}% of it "
        f"(target >= 80%); without the prefilter {home['no-skip']:.2f} and {big['no-skip']:.2f}; "
        f"every story undated {home['undated']:.2f} and {big['undated']:.2f}"
    )
    print(
        f"baseline (one automaton, no disambiguation, no transfers) at ~20k keys: "
        f"{big['baseline']:.2f} MB/s, {big['baseline'] / big['tag']:.1f}x the whole tagger, "
        f"{big['baseline'] / big['match']:.2f}x the matcher"
    )
    print(f"matcher rebuild at ~20k keys: {big['rebuild']:.3f} s (target <= 0.5 s)")
    print(
        f"tag_mb_s_20k: {big['tag']:.2f} (baseline {big['baseline']:.2f}, "
        f"{big['tag'] / big['baseline']:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
