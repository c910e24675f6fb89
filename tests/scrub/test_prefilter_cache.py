"""The compiled trigger database is cached on disk by content; a stale or unwritable cache
never changes results."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.scrub import prefilter
from relay.scrub.prefilter import Prefilter

TRIGGERS = [("digits", r"\d{3}-\d{4}", False, False, False),
            ("word", r"patient", True, True, False)]

pytestmark = pytest.mark.skipif(prefilter._hs is None, reason="hyperscan not installed")


def test_second_build_loads_the_cached_database(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAY_SCRUB_CACHE", str(tmp_path))
    first = Prefilter(TRIGGERS)
    files = list(tmp_path.glob("triggers-*.hsdb"))
    assert len(files) == 1
    second = Prefilter(TRIGGERS)
    text = "PATIENT called 555-0199"
    # start offsets only for triggers compiled with som=True ("word"); 0 otherwise
    assert first.scan(text) == second.scan(text) == {"word": [(0, 7)], "digits": [(0, 23)]}
    # another rule set gets another file, never the old database
    Prefilter([*TRIGGERS, ("at", "@", False, False, False)])
    assert len(list(tmp_path.glob("triggers-*.hsdb"))) == 2


def test_corrupt_or_unwritable_cache_falls_back_to_compiling(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAY_SCRUB_CACHE", str(tmp_path))
    Prefilter(TRIGGERS)
    for f in tmp_path.glob("triggers-*.hsdb"):
        f.write_bytes(b"garbage")
    assert Prefilter(TRIGGERS).scan("patient") == {"word": [(0, 7)]}
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("RELAY_SCRUB_CACHE", str(blocker / "sub"))  # cannot mkdir under a file
    assert Prefilter(TRIGGERS).enabled
