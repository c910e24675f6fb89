"""The scorer on the labelled corpus copy: recall >= 99.5% overall, >= 99% for every kind,
keep rate >= 95%. Runs the real CLI in a subprocess, exactly as the scorer is meant to."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"


def _score(corpus: str) -> dict[str, Any]:
    """The scorer's JSON summary for `relay scrub --jsonl` on a corpus in tests/data."""
    proc = subprocess.run(
        [sys.executable, str(DATA / "phi_score.py"), str(DATA / corpus), "--json",
         "--", sys.executable, "-m", "relay.scrub.cli", "--jsonl"],
        capture_output=True, text=True, timeout=60, check=True)
    summary: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return summary


def test_corpus_thresholds() -> None:
    summary = _score("phi_dev.jsonl")
    assert summary["recall"] >= 0.995, summary
    below = {k: r for k, r in summary["per_kind_recall"].items() if r < 0.99}
    assert not below, below
    assert summary["keep_preserved"] >= 0.95, summary
    assert summary["clean_records_modified"] == 0, summary


def test_held_out_corpus_does_not_regress() -> None:
    """`phi_heldout.jsonl` was written blind to the detectors, in other styles (X12, NCPDP
    XML, T-SQL, staff notes …). It does not meet the dev thresholds yet (docs/scrubbing.md
    says where it falls short); these floors are what it reached, so a change that loses
    ground on text unlike the dev set fails here."""
    summary = _score("phi_heldout.jsonl")
    assert summary["recall"] >= 0.96, summary
    assert summary["keep_preserved"] >= 0.99, summary
    below = {k: r for k, r in summary["per_kind_recall"].items() if r < 0.82}
    assert not below, below
