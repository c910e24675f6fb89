"""`Prefilter.scan_many` (one scan for all strings of a JSON document) gives each string the
triggers a scan of its own gives: the same positions for every trigger a rule or detector
reads positions from; gate-only triggers (first match only) may only be added."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from relay.scrub import Scrubber, prefilter

pytestmark = pytest.mark.skipif(prefilter._hs is None, reason="hyperscan not installed")

CORPUS = Path(__file__).resolve().parents[1] / "data" / "phi_dev.jsonl"


def test_scan_many_matches_one_scan_per_text() -> None:
    scrubber = Scrubber()
    pf = scrubber._plan.prefilter
    gates = {name for name, _, _, _, single in scrubber._plan.triggers if single}
    texts = [json.loads(line)["text"] for line in CORPUS.read_text().splitlines()]
    rng = random.Random(3)
    pieces = []
    for _ in range(3000):
        t = rng.choice(texts)
        a = rng.randrange(len(t))
        pieces.append(t[a:a + rng.randint(1, 70)] + rng.choice(["", "\x00", " 4"]))
    checked = 0
    for i in range(0, len(pieces), 100):
        chunk = pieces[i:i + 100]
        for text, many in zip(chunk, pf.scan_many(chunk), strict=True):
            alone = pf.scan(text)
            assert {k: v for k, v in many.items() if k not in gates} == \
                {k: v for k, v in alone.items() if k not in gates}, text
            assert set(alone) <= set(many), text
            checked += bool(alone)
    assert checked > 1000  # most fragments hold some trigger: the comparison means something
