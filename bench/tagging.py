"""Tagging speed: folded Aho-Corasick matching vs one regex per alias.

Run: .venv/bin/python bench/tagging.py [--quick] [--mb 3] [--corpus PATH]

`--quick` is a smoke run (a fraction of the text, one repetition): its figures are
noisier, the table and final line the same.

Texts are the development corpus repeated (with small variations) to a few MB.
Rosters of about 1,000, 5,000 and 20,000 automaton keys are the bundled roster cut
down, as is, or padded with synthetic riders. For each size it measures, on one core:

- match: the matcher: fold the story once and run the automaton (longest-leftmost,
  whole words), giving every alias occurrence with its entities. This is the work the
  one-regex-per-alias baseline does (it too finds occurrences in a transliterated
  copy), and the final line reports it;
- cand: `Tagger.candidates`: the matcher, then each occurrence mapped back to the
  original text (word indices, character offsets), as the rules need it;
- tag: the whole tagger, `Tagger.mentions`: candidates, then every rule (surnames,
  namesakes, context, descriptions, misspellings): what ingestion pays;
- rebuild: building a Tagger (automaton and alias tables) from the roster;
- baseline: one compiled regex per alias over the same texts, timed on a subset and
  scaled (it is far too slow to run on everything).

Times are CPU seconds of this process (`time.process_time`), so other work on the
machine disturbs them less than wall-clock time would.

Prints a table, the targets for both stages, then one final line
`name: value (baseline value, ratio)` for the matching stage at ~20k keys against the
regex baseline of the same run.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import re
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from unidecode import unidecode

from bot.pipeline.roster_state import RosterState
from feeds.nlp.fold import FoldedText
from feeds.nlp.tag import Tagger
from feeds.roster import Person, Roster, Stint, load_roster
from tests.corpus import DEV_CORPUS

REPO = Path(__file__).resolve().parent.parent
CORPUS = DEV_CORPUS
SIZES = (1_000, 5_000, 20_000)
T = TypeVar("T")
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


def stories(corpus: Path, megabytes: float) -> list[tuple[str, str]]:
    """Corpus stories repeated until `megabytes`, each copy slightly different."""
    base = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    out: list[tuple[str, str]] = []
    size = 0
    n = 0
    while size < megabytes * 1e6:
        r = base[n % len(base)]
        # Vary the copies (numbers, paragraph order) so no cache sees the same story twice.
        paragraphs = r["text"].split("\n\n")
        k = (n // len(base)) % max(1, len(paragraphs))
        text = "\n\n".join(paragraphs[k:] + paragraphs[:k]) + f"\n\nUpdate {n}."
        out.append((f"{r['title']} ({n})", text))
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


def time_match(tagger: Tagger, texts: list[str]) -> float:
    """The matcher: fold the story once and run the automaton (longest-leftmost, whole
    words): every alias occurrence with its entities, at its place in the folded text."""
    automaton = tagger._matcher.automaton
    start = time.process_time()
    for text in texts:
        list(automaton.iter_long(FoldedText(text).folded))
    return time.process_time() - start


def time_candidates(tagger: Tagger, texts: list[str]) -> float:
    """`Tagger.candidates`: the matcher, then each occurrence mapped back to the
    original text (word indices and character offsets), as the rules need it."""
    start = time.process_time()
    for text in texts:
        tagger.candidates(text)
    return time.process_time() - start


def time_tag(tagger: Tagger, pairs: list[tuple[str, str]]) -> float:
    start = time.process_time()
    for title, text in pairs:
        tagger.mentions(title, text, None, True)
    return time.process_time() - start


def time_baseline(aliases: list[str], texts: list[str]) -> float:
    """One regex per alias (word boundaries, any case) over unidecoded text."""
    patterns = [re.compile(r"\b" + re.escape(unidecode(a)) + r"\b", re.IGNORECASE) for a in aliases]
    start = time.process_time()
    for text in texts:
        plain = unidecode(text)
        for pattern in patterns:
            for _ in pattern.finditer(plain):
                pass
    return time.process_time() - start


def best_of(n: int, fn, *args) -> float:  # type: ignore[no-untyped-def]
    return min(fn(*args) for _ in range(n))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="megabytes of text (default 3)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 0.3 MB of text, one repetition"
    )
    args = parser.parse_args()
    if args.quick:
        args.mb, args.repeat = min(args.mb, 0.3), 1
    if not args.corpus.exists():
        parser.error(f"no corpus at {args.corpus} (set DOMESTIQUE_CORPUS or pass --corpus)")

    pairs = stories(args.corpus, args.mb)
    texts = [f"{t}\n\n{x}" for t, x in pairs]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    full = load_roster()
    everyone = Tagger(full)
    mentioned = frozenset(m.entity_id for t, x in pairs for m in everyone.mentions(t, x, None))
    del everyone
    rng = random.Random(7)
    subset = texts[:: max(1, len(texts) // 24)][:24]
    subset_mb = sum(len(t.encode("utf-8")) for t in subset) / 1e6

    print(f"{len(texts)} stories, {mb:.2f} MB; baseline on {len(subset)} stories, scaled")
    header = (
        f"{'keys':>7} {'match MB/s':>10} {'stories/s':>10} {'cand MB/s':>9}"
        f" {'tag MB/s':>9} {'stories/s':>10} {'rebuild s':>10} {'regex MB/s':>11}"
        f" {'match/regex':>12} {'tag/regex':>10}"
    )
    print(header)
    results = {}
    for size in SIZES:
        roster = roster_of_size(full, size, rng, mentioned)
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
        match_s = best_of(args.repeat, time_match, tagger, texts)
        cand_s = best_of(args.repeat, time_candidates, tagger, texts)
        tag_s = best_of(args.repeat, time_tag, tagger, pairs)
        keys = tagger.alias_count
        del state, tagger
        gc.unfreeze()
        base_s = time_baseline(aliases_of(roster), subset)
        row = {
            "keys": keys,
            "match": mb / match_s,
            "match_sps": len(texts) / match_s,
            "cand": mb / cand_s,
            "tag": mb / tag_s,
            "tag_sps": len(texts) / tag_s,
            "rebuild": statistics.median(builds),
            "baseline": subset_mb / base_s,
        }
        results[size] = row
        print(
            f"{row['keys']:>7} {row['match']:>10.1f} {row['match_sps']:>10.0f} {row['cand']:>9.1f}"
            f" {row['tag']:>9.1f} {row['tag_sps']:>10.0f}"
            f" {row['rebuild']:>10.3f} {row['baseline']:>11.4f}"
            f" {row['match'] / row['baseline']:>11.0f}x {row['tag'] / row['baseline']:>9.0f}x"
        )

    big, small = results[SIZES[-1]], results[SIZES[0]]
    print()
    print("match = the matcher (fold + automaton: every alias occurrence with its entities);")
    print("cand = candidates (the matcher, then offsets in the original text: Tagger.candidates);")
    print("tag = the whole tagger (candidates, then every rule: Tagger.mentions);")
    print("regex = one regex per alias over the same texts (subset, scaled).")
    for stage, label in (("match", "matcher"), ("cand", "candidates"), ("tag", "whole tagger")):
        print(
            f"{label} at ~20k keys: {big[stage]:.1f} MB/s (target >= 30); "
            f"{100 * big[stage] / small[stage]:.0f}% of the 1k figure (>= 80%); "
            f"{big[stage] / big['baseline']:.0f}x the regex baseline (>= 100x)"
        )
    print(f"matcher rebuild at ~20k keys: {big['rebuild']:.3f} s (target <= 0.5 s)")
    print(
        f"match_mb_s_20k: {big['match']:.1f} (baseline {big['baseline']:.4f}, "
        f"{big['match'] / big['baseline']:.0f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
