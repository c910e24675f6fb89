"""Optional Hyperscan prefilter: one pass in C finds where any rule *could* match.

Why: Python's `re` walks the text once per rule; with ~60 rules and detectors that is far
below the 5 MB/s budget. Hyperscan scans for every rule's trigger at once (tens of MB/s
including the callbacks), and the exact Python regexes then run only in small windows
around the triggers. Results are the same as the full scan (tests compare both); without
the `hyperscan` package the scrubber simply scans everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import structlog

log = structlog.get_logger(__name__)

_hs: Any
try:  # pragma: no cover - exercised by whichever environment runs the tests
    import hyperscan as _hs
except ImportError:  # pragma: no cover
    _hs = None

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _ascii_shadow(text: str) -> str:
    """Same length, ASCII only: non-ASCII letters become 'A'/'a' (so `Nguyễn` still looks
    like a capitalised word to the triggers), anything else '?'. Offsets stay aligned."""
    if text.isascii():
        return text

    def sub(m: re.Match[str]) -> str:
        c = m.group()
        if c.isalpha():
            return "A" if c.isupper() or c.lower() == c.upper() else "a"
        return "?"

    return _NON_ASCII.sub(sub, text)


class Prefilter:
    """Trigger name -> hyperscan expression; `scan(text)` gives trigger name -> end offsets
    (and start offsets for the triggers compiled with `som=True`)."""

    def __init__(self, triggers: Iterable[tuple[str, str, bool, bool, bool]]) -> None:
        # (name, expression, caseless, start offsets, first match only)
        self.names: list[str] = []
        exprs: list[bytes] = []
        flags: list[int] = []
        self._db: Any = None
        if _hs is None:
            return
        for name, expr, caseless, som, single in triggers:
            self.names.append(name)
            exprs.append(expr.encode("ascii"))
            f = 0
            if caseless:
                f |= _hs.HS_FLAG_CASELESS
            if som:
                f |= _hs.HS_FLAG_SOM_LEFTMOST
            if single:
                f |= _hs.HS_FLAG_SINGLEMATCH
            flags.append(f)
        try:
            db = _hs.Database(mode=_hs.HS_MODE_BLOCK)
            db.compile(expressions=exprs, ids=list(range(len(exprs))), elements=len(exprs),
                       flags=flags)
        except Exception as exc:  # a bad trigger must not take the scrubber down: full scan
            log.warning("scrub.prefilter_disabled", reason=type(exc).__name__, detail=str(exc))
            return
        self._db = db
        self._scratch = _hs.Scratch(db)

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def scan(self, text: str) -> dict[str, list[tuple[int, int]]]:
        found: dict[str, list[tuple[int, int]]] = {}
        names = self.names

        def on_match(i: int, start: int, end: int, _flags: int, _ctx: Any) -> None:
            name = names[i]
            got = found.get(name)
            if got is None:
                found[name] = [(start, end)]
            else:
                got.append((start, end))

        data = _ascii_shadow(text).encode("ascii")
        try:
            self._db.scan(data, match_event_handler=on_match, scratch=self._scratch)
        except _hs.ScratchInUseError:  # another thread is scanning: use a scratch of our own
            found.clear()
            self._db.scan(data, match_event_handler=on_match, scratch=_hs.Scratch(self._db))
        return found
