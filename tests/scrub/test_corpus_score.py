"""The scorer on the labelled corpus copy: recall >= 99.5% overall, >= 99% for every kind,
keep rate >= 95%. Runs the real CLI in a subprocess, exactly as the scorer is meant to."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def test_corpus_thresholds() -> None:
    proc = subprocess.run(
        [sys.executable, str(DATA / "phi_score.py"), str(DATA / "phi_dev.jsonl"), "--json",
         "--", sys.executable, "-m", "relay.scrub.cli", "--jsonl"],
        capture_output=True, text=True, timeout=60, check=True)
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["recall"] >= 0.995, summary
    below = {k: r for k, r in summary["per_kind_recall"].items() if r < 0.99}
    assert not below, below
    assert summary["keep_preserved"] >= 0.95, summary
    assert summary["clean_records_modified"] == 0, summary
