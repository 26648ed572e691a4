"""Where the shared annotated corpus is: ../shared/corpus beside the repository (CI's layout)."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV_CORPUS = Path(
    os.environ.get("DOMESTIQUE_CORPUS", REPO.parent / "shared" / "corpus" / "dev.jsonl")
)
HOLDOUT_CORPUS = REPO / "tests" / "feeds" / "data" / "holdout.jsonl"
HOLDOUT2_CORPUS = REPO / "tests" / "feeds" / "data" / "holdout2.jsonl"
HOLDOUT3A_CORPUS = REPO / "tests" / "feeds" / "data" / "holdout3a.jsonl"
HOLDOUT3B_CORPUS = REPO / "tests" / "feeds" / "data" / "holdout3b.jsonl"
HOLDOUT4A_CORPUS = REPO / "tests" / "feeds" / "data" / "holdout4a.jsonl"
HOLDOUT4B_CORPUS = REPO / "tests" / "feeds" / "data" / "holdout4b.jsonl"
"""A second held-out set, written after the rules, to check they generalise."""
