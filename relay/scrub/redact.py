"""How to redact: one function turns hits into clean text, whatever detected them.

Overlapping hits merge into one redaction (so no fragment of a value survives between two
rules); the merged span takes the kind of its most specific hit (highest priority, then
longest). Existing `[REDACTED:KIND]` markers are never touched, which makes scrubbing
idempotent, and allowlisted terms are cut out of any hit that covers them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator

from relay.scrub.detectors import Hit

MARKER = re.compile(r"\[REDACTED:[A-Z][A-Z0-9_]*\]")


def marker(kind: str) -> str:
    return f"[REDACTED:{kind}]"


def mask_markers(text: str) -> str:
    """Same length, every marker's inside replaced by '#'."""
    return MARKER.sub(lambda m: "[" + "#" * (len(m.group()) - 2) + "]", text)


def protected_spans(text: str, allowlist: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans that no hit may cover: existing markers and allowlisted terms (case-insensitive,
    whole words where the term starts/ends with a word character)."""
    spans = [(m.start(), m.end()) for m in MARKER.finditer(text)] if "[REDACTED:" in text else []
    if allowlist:
        lower = text.casefold()
        for term in allowlist:
            t = term.casefold()
            start = lower.find(t)
            while start >= 0:
                end = start + len(t)
                left_ok = not (t[:1].isalnum() and start > 0 and lower[start - 1].isalnum())
                right_ok = not (t[-1:].isalnum() and end < len(lower) and lower[end].isalnum())
                if left_ok and right_ok:
                    spans.append((start, end))
                start = lower.find(t, start + 1)
    spans.sort()
    return spans


def _near(spans: list[tuple[int, int]], starts: list[int], longest: int, hit: Hit
          ) -> Iterator[tuple[int, int]]:
    """The sorted `spans` that may overlap `hit`, found by bisection (a long text holds
    thousands of markers and hits; trying each against each was quadratic)."""
    i = bisect_left(starts, hit.start - longest)
    while i < len(spans) and spans[i][0] < hit.end:
        if spans[i][1] > hit.start:
            yield spans[i]
        i += 1


def _cut(hit: Hit, protected: list[tuple[int, int]], text: str, starts: list[int],
         longest: int) -> list[Hit]:
    pieces = [hit]
    for ps, pe in _near(protected, starts, longest, hit):
        nxt: list[Hit] = []
        for h in pieces:
            if pe <= h.start or ps >= h.end:
                nxt.append(h)
                continue
            if h.start < ps:
                nxt.append(h._replace(end=ps))
            if pe < h.end:
                nxt.append(h._replace(start=pe))
        pieces = nxt
    if len(pieces) == 1 and pieces[0] is hit:
        return pieces
    # what is left beside a marker or an allowlisted term: only pieces that still hold a
    # letter or digit (`dob=[REDACTED:NAME],` must not turn the comma into a redaction)
    return [h for h in pieces if h.end > h.start and
            any(c.isalnum() for c in text[h.start:h.end])]


def merge(hits: Iterable[Hit], text: str, protected: list[tuple[int, int]]) -> list[Hit]:
    """Non-overlapping, sorted spans; each merged span keeps its most specific kind.

    A hit that touches an existing `[REDACTED:…]` marker is dropped whole: the value it
    describes was already redacted, and what lies past the marker was judged then."""
    markers = [(ms, me) for ms, me in protected if text.startswith("[REDACTED:", ms)]
    if markers:
        m_starts, m_longest = [ms for ms, _ in markers], max(me - ms for ms, me in markers)
        hits = [h for h in hits if next(_near(markers, m_starts, m_longest, h), None) is None]
    starts = [ps for ps, _ in protected]
    longest = max((pe - ps for ps, pe in protected), default=0)
    cut: list[Hit] = []
    for h in hits:
        # trim whitespace the detectors may have swallowed at the edges
        s, e = h.start, h.end
        if e <= s:
            continue
        if text[s].isspace() or text[e - 1].isspace():
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s:
                continue
            h = Hit(s, e, h.kind, h.rule, h.priority)
        if protected:
            cut.extend(_cut(h, protected, text, starts, longest))
        else:
            cut.append(h)
    cut.sort(key=lambda h: (h.start, -h.end))
    out: list[Hit] = []
    for h in cut:
        if out and h.start < out[-1].end:
            prev = out[-1]
            # the kind last, the named one before OTHER_ID: two detectors' ties resolve the
            # same whatever order they ran in
            best = max(prev, h, key=lambda x: (x.priority, x.end - x.start, x.rule,
                                               x.kind != "OTHER_ID", x.kind))
            out[-1] = Hit(prev.start, max(prev.end, h.end), best.kind, best.rule, best.priority)
        else:
            out.append(h)
    if protected:  # a merge may have bridged over a protected span: cut again
        recut: list[Hit] = []
        for h in out:
            recut.extend(_cut(h, protected, text, starts, longest))
        out = recut
    return out


def apply(text: str, spans: list[Hit]) -> tuple[str, Counter[str]]:
    counts: Counter[str] = Counter()
    if not spans:
        return text, counts
    parts: list[str] = []
    pos = 0
    for h in spans:
        parts.append(text[pos:h.start])
        parts.append(marker(h.kind))
        counts[h.kind] += 1
        pos = h.end
    parts.append(text[pos:])
    return "".join(parts), counts
