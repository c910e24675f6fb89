"""What the detector tests ask of a scrubber's findings (shared by the per-format test files)."""

from __future__ import annotations

from relay.scrub import Scrubber


def covering_kind(s: Scrubber, text: str, value: str) -> str | None:
    """The kind of the finding that covers the first occurrence of `value`, if any."""
    at = text.index(value)
    for f in s.find(text):
        if f.start <= at and at + len(value) <= f.end:
            return f.kind
    return None
