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
from bisect import bisect_right
from collections.abc import Iterable, Sequence
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


def ascii_shadow(text: str) -> str:
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


def _database(exprs: list[bytes], flags: list[int]) -> Any:
    """The compiled trigger database (from the on-disk cache when it is there), or None."""
    db = _load_cached(exprs, flags)
    if db is None:
        try:
            db = _hs.Database(mode=_hs.HS_MODE_BLOCK)
            db.compile(expressions=exprs, ids=list(range(len(exprs))),
                       elements=len(exprs), flags=flags)
        except Exception as exc:  # a bad trigger must not take the scrubber down
            log.warning("scrub.prefilter_disabled", reason=type(exc).__name__,
                        detail=str(exc))
            return None
        _store_cached(exprs, flags, db)
    return db


#: Joins the texts of one `scan_many` call. Every trigger that reads the character before or
#: after a match (`(?:^|[^0-9A-Za-z_.])`, `(?:$|[^0-9])`) accepts it where it accepts the
#: start or end of a text, and no trigger consumes it in the middle of a match.
_JOIN = "\x00"


class Prefilter:
    """Trigger name -> hyperscan expression; `scan(text)` gives trigger name -> end offsets
    (and start offsets for the triggers compiled with `som=True`)."""

    def __init__(self, triggers: Iterable[tuple[str, str, bool, bool, bool]]) -> None:
        # (name, expression, caseless, start offsets, first match only)
        self.names: list[str] = []
        exprs: list[bytes] = []
        flags: list[int] = []
        self._db: Any = None
        self._batch: tuple[Any, Any] | None = None  # (database, scratch) for `scan_many`
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
        self._exprs, self._flags = exprs, flags
        db = _database(exprs, flags)
        if db is None:
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

        data = ascii_shadow(text).encode("ascii")
        try:
            self._db.scan(data, match_event_handler=on_match, scratch=self._scratch)
        except _hs.ScratchInUseError:  # another thread is scanning: use a scratch of our own
            found.clear()
            self._db.scan(data, match_event_handler=on_match, scratch=_hs.Scratch(self._db))
        return found

    def scan_many(self, texts: Sequence[str]) -> list[dict[str, list[tuple[int, int]]]]:
        """`[scan(t) for t in texts]` in one pass: a scan call costs microseconds whatever the
        length, and a Sentry event has hundreds of short string leaves.

        The texts are joined by NUL. A match that ends on the NUL after a text (its `$`
        context) is that text's match ending at its end; one that starts on the NUL before
        it (its `^` context) ends inside it as it would alone. First-match-only triggers run
        here from a database without that flag (each text needs its own first match); so a
        text may get a gate-only trigger it would not get alone (`[^&\\s]` after `?q=` can
        take the NUL), which costs a look and changes nothing."""
        if self._batch is None:
            single = _hs.HS_FLAG_SINGLEMATCH
            db = _database(self._exprs, [f & ~single for f in self._flags])
            if db is None:
                return [self.scan(t) for t in texts]
            self._batch = (db, _hs.Scratch(db))
        db, scratch = self._batch
        bases: list[int] = []
        pos = 0
        for t in texts:
            bases.append(pos)
            pos += len(t) + 1
        found: list[dict[str, list[tuple[int, int]]]] = [{} for _ in texts]
        names = self.names

        def on_match(i: int, start: int, end: int, _flags: int, _ctx: Any) -> None:
            k = bisect_right(bases, end - 1) - 1
            base = bases[k]
            n = len(texts[k])
            span = (start - base if start >= base else 0, end - base if end - base < n else n)
            got = found[k].get(names[i])
            if got is None:
                found[k][names[i]] = [span]
            else:
                got.append(span)

        data = ascii_shadow(_JOIN.join(texts)).encode("ascii")
        try:
            db.scan(data, match_event_handler=on_match, scratch=scratch)
        except _hs.ScratchInUseError:
            found = [{} for _ in texts]
            db.scan(data, match_event_handler=on_match, scratch=_hs.Scratch(db))
        return found
