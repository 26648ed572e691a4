"""The annotated corpora the tests score the tagger on, kept in this folder (format and
annotation rules: docs/ARCHITECTURE.md, "Annotated corpora").

`dev.jsonl` is the development set; `holdout*.jsonl` were each written after the rules
and scored blind once before any rule was fixed on them (docs/BENCHMARKS.md). The
environment variable DOMESTIQUE_CORPUS points the development-set tests at another file.
"""

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV_CORPUS = Path(os.environ.get("DOMESTIQUE_CORPUS", HERE / "dev.jsonl"))
HOLDOUT_CORPUS = HERE / "holdout.jsonl"
HOLDOUT2_CORPUS = HERE / "holdout2.jsonl"
"""A second held-out set, written after the rules, to check they generalise."""
HOLDOUT3A_CORPUS = HERE / "holdout3a.jsonl"
HOLDOUT3B_CORPUS = HERE / "holdout3b.jsonl"
HOLDOUT4A_CORPUS = HERE / "holdout4a.jsonl"
HOLDOUT4B_CORPUS = HERE / "holdout4b.jsonl"

SEALED = frozenset({"set25-sealed.jsonl", "set26-sealed.jsonl"})
"""Written sealed and not scored blind yet: no test tags a story of these (test_format reads
them through the reader only). A set leaves this list once its blind figure is taken."""


def development_sets() -> list[Path]:
    """Every annotated set a test may tag: all but the sealed ones."""
    return sorted(p for p in HERE.glob("*.jsonl") if p.name not in SEALED)
