"""Scrubber speed: MB/s on the labelled corpus and ms per ~8 KB Sentry event, against a naive
ten-regex baseline. A benchmark, not a test: run `.venv/bin/python bench/scrub_bench.py`."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from relay.scrub import Scrubber

ROUNDS = 200  # events per timing
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "phi_dev.jsonl"
EVENT = ROOT / "tests" / "fixtures" / "event_alert.triggered.sample_event.json"

#: The "ten obvious regexes" a first attempt would write.
NAIVE = [re.compile(p) for p in (
    r"[\w.+-]+@[\w-]+\.[\w.-]+", r"\b\d{3}-\d{2}-\d{4}\b", r"\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b",
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", r"\b\d{4}-\d{2}-\d{2}\b", r"\b(?:\d{1,3}\.){3}\d{1,3}\b",
    r"\b\d{5}(?:-\d{4})?\b", r"\b(?:Dr|Mr|Mrs|Ms)\.? [A-Z][a-z]+", r"\bMRN:? ?\d+",
    r"\b(?:\d[ -]?){13,16}\b")]


def naive(text: str) -> str:
    for rx in NAIVE:
        text = rx.sub("[REDACTED]", text)
    return text


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def event_text(size: int = 8192) -> str:
    """The sample Sentry event as text, trimmed to a typical 8 KB."""
    text = json.dumps(json.loads(EVENT.read_text()), indent=1)
    while len(text) < size:
        text += "\n" + text
    return text[:size]


def fixture_texts() -> list[str]:
    """Every real webhook payload in tests/fixtures as indented JSON text: what production
    traffic looks like (mostly stack frames, ids and settings, little PHI)."""
    return [json.dumps(json.loads(p.read_text()), indent=1)
            for p in sorted(EVENT.parent.glob("*.json"))]


def main() -> None:
    texts = [json.loads(line)["text"] for line in CORPUS.read_text().splitlines() if line]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    payloads = fixture_texts()
    payload_mb = sum(len(t.encode()) for t in payloads) / 1e6
    big = "\n".join(texts)
    ev = event_text()
    event = json.loads(EVENT.read_text())
    for label, prefilter in (("relay (hyperscan prefilter)", True), ("relay (pure re)", False)):
        s = Scrubber()
        if prefilter and not s.use_prefilter:
            print(f"{label}: hyperscan not installed, skipped")
            continue
        s.use_prefilter = prefilter
        per_record = best_of(lambda s=s: [s.scrub(t) for t in texts], 3)
        whole = best_of(lambda s=s: s.scrub(big), 3)
        per_event = best_of(lambda s=s: [s.scrub(ev) for _ in range(ROUNDS)], 3) / ROUNDS
        per_json = best_of(lambda s=s: [s.scrub_json(event) for _ in range(ROUNDS)], 3) / ROUNDS
        real = best_of(lambda s=s: [s.scrub(t) for t in payloads], 5)
        print(f"{label}:")
        print(f"  corpus, record by record : {mb / per_record:6.2f} MB/s "
              f"({len(texts)} records, {mb:.2f} MB)")
        print(f"  corpus as one text       : {mb / whole:6.2f} MB/s")
        print(f"  real webhook payloads    : {payload_mb / real:6.2f} MB/s "
              f"({len(payloads)} fixtures, {payload_mb * 1000:.0f} KB as text)")
        print(f"  8 KB Sentry event (text) : {per_event * 1000:6.3f} ms")
        print(f"  Sentry event scrub_json  : {per_json * 1000:6.3f} ms "
              f"({len(json.dumps(event)) // 1024} KB JSON)")
        if prefilter:  # the targets, judged on this machine
            print(f"  target >= 5 MB/s on the corpus : "
                  f"{'met' if mb / per_record >= 5 else 'MISSED'}; "
                  f"target < 1 ms a 8 KB event : {'met' if per_event < 1e-3 else 'MISSED'}")
    per_record = best_of(lambda: [naive(t) for t in texts], 3)
    per_event = best_of(lambda: [naive(ev) for _ in range(ROUNDS)], 3) / ROUNDS
    print("naive ten regexes (baseline, recall 0.3 on the corpus):")
    real = best_of(lambda: [naive(t) for t in payloads], 5)
    print(f"  corpus, record by record : {mb / per_record:6.2f} MB/s")
    print(f"  real webhook payloads    : {payload_mb / real:6.2f} MB/s")
    print(f"  8 KB Sentry event (text) : {per_event * 1000:6.3f} ms")


if __name__ == "__main__":
    main()
