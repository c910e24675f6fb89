"""Optional Hyperscan prefilter: one pass in C finds where any rule *could* match.

Why: Python's `re` walks the text once per rule; with ~60 rules and detectors that is far
below the 5 MB/s budget. Hyperscan scans for every rule's trigger at once (tens of MB/s
including the callbacks), and the exact Python regexes then run only in small windows
around the triggers. Results are the same as the full scan (tests compare both); without
the `hyperscan` package the scrubber simply scans everything.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
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


def _cache_path(exprs: list[bytes], flags: list[int]) -> Path:
    """Compiling the trigger database takes ~0.3 s; a process start (the `relay scrub` CLI,
    each replica) loads the serialized one instead. The key covers every expression, flag
    and the library version, so a changed rule never loads a stale database. The database
    holds patterns only, never scanned text."""
    h = hashlib.sha256(repr((getattr(_hs, "__version__", ""), exprs, flags)).encode())
    root = os.environ.get("RELAY_SCRUB_CACHE") or os.path.join(tempfile.gettempdir(),
                                                               "relay-scrub-cache")
    return Path(root) / f"triggers-{h.hexdigest()[:32]}.hsdb"


def _load_cached(exprs: list[bytes], flags: list[int]) -> Any:
    try:
        data = _cache_path(exprs, flags).read_bytes()
        return _hs.loadb(data, _hs.HS_MODE_BLOCK)
    except Exception:  # missing, unreadable or from another build: compile instead
        return None


def _store_cached(exprs: list[bytes], flags: list[int], db: Any) -> None:
    path = _cache_path(exprs, flags)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(_hs.dumpb(db))
        tmp.replace(path)  # atomic: a concurrent reader sees the old file or the new one
    except OSError as exc:
        log.info("scrub.prefilter_cache_unwritable", reason=type(exc).__name__)


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
        db = _load_cached(exprs, flags)
        if db is None:
            try:
                db = _hs.Database(mode=_hs.HS_MODE_BLOCK)
                db.compile(expressions=exprs, ids=list(range(len(exprs))),
                           elements=len(exprs), flags=flags)
            except Exception as exc:  # a bad trigger must not take the scrubber down
                log.warning("scrub.prefilter_disabled", reason=type(exc).__name__,
                            detail=str(exc))
                return
            _store_cached(exprs, flags, db)
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
