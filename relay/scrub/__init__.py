"""PHI scrubber (TEMPORARY STUB: the real engine replaces this file; the API stays).

API contract used by the rest of Relay:
- `Scrubber(config: ScrubConfig | None = None)`
- `Scrubber.scrub(text) -> (clean_text, Counter[kind])`
- `Scrubber.scrub_json(value, *, keys=True) -> (clean_value, Counter[kind])`
- `Scrubber.find(text) -> list[Finding]`
- `default_scrubber() -> Scrubber` (cached, default config)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class ScrubConfig:
    sensitive_keys: tuple[str, ...] = ()
    patterns: tuple[tuple[str, str], ...] = ()  # (KIND, regex)
    allowlist: tuple[str, ...] = ()


_RULES = [
    ("EMAIL", re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")),
    ("SSN", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),
]


class Scrubber:
    def __init__(self, config: ScrubConfig | None = None) -> None:
        self.config = config or ScrubConfig()

    def find(self, text: str) -> list[Finding]:
        return [
            Finding(kind, m.start(), m.end(), kind.lower())
            for kind, rx in _RULES
            for m in rx.finditer(text)
        ]

    def scrub(self, text: str) -> tuple[str, Counter[str]]:
        counts: Counter[str] = Counter()
        for kind, rx in _RULES:
            text, n = rx.subn(f"[REDACTED:{kind}]", text)
            if n:
                counts[kind] += n
        return text, counts

    def scrub_json(self, value: Any, *, keys: bool = True) -> tuple[Any, Counter[str]]:
        counts: Counter[str] = Counter()
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                out[k], c = self.scrub_json(v, keys=keys)
                counts.update(c)
            return out, counts
        if isinstance(value, list):
            items = []
            for v in value:
                item, c = self.scrub_json(v, keys=keys)
                items.append(item)
                counts.update(c)
            return items, counts
        return value, counts


@lru_cache(maxsize=1)
def default_scrubber() -> Scrubber:
    return Scrubber()


__all__ = ["Finding", "ScrubConfig", "Scrubber", "default_scrubber", "field"]
