"""JSON string escapes read back: an event that carries JSON inside a JSON string, a PHP
`json_encode` dump or a log line of an escaped body shows `02\\/20\\/2005`,
`\\u00c9milie Thorvaldsen`, `\\"Lior\\"` and HL7 segments split by a literal `\\r`. The
detectors read the decoded text; each decoded character remembers where its escape stood,
so a finding maps back onto the original text.

Pure: no I/O, no state.
"""

from __future__ import annotations

import re

#: One JSON escape (RFC 8259 §7).
_ESCAPE = re.compile(r'\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})')
#: The escapes that hide something from the detectors. An escaped backslash alone
#: (`Illuminate\\Http`) reads the same either way, and the detectors read escaped quotes
#: (`\"member_id\": \"…\"`) as quotes already: decoding an 8 KB event for the quotes of
#: one embedded body would cost half as much again as the event itself.
_MEANINGFUL = re.compile(r'\\(?:[/bfnrt]|u[0-9a-fA-F]{4})')
#: Characters read around a run of escapes, and the gap that still joins two runs.
MARGIN = 160
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
           "t": "\t"}


def unescape(text: str) -> tuple[str, list[int], list[int]] | None:
    """The text with its JSON escapes decoded, and for each decoded character the original
    offsets where it starts and ends; None when the text holds no escape. A surrogate half
    (`\\ud83d`) decodes to '?': it has no character of its own to read."""
    if "\\" not in text:
        return None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _ESCAPE.finditer(text):
        s, e = m.span()
        if s > pos:
            parts.append(text[pos:s])
            starts.extend(range(pos, s))
            ends.extend(range(pos + 1, s + 1))
        code = m.group()[1]
        if code == "u":
            cp = int(m.group()[2:], 16)
            char = "?" if 0xD800 <= cp <= 0xDFFF else chr(cp)
        else:
            char = _SIMPLE[code]
        parts.append(char)
        starts.append(s)
        ends.append(e)
        pos = e
    if not parts:
        return None
    parts.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(parts), starts, ends


def escaped_regions(text: str) -> list[tuple[int, int]]:
    """Stretches of text around its meaningful escapes (an embedded JSON string, an escaped
    URL or name) with a margin each side; nearby runs join. Only these are decoded and read
    again, so an 8 KB event with one escaped body is not read twice over."""
    regions: list[tuple[int, int]] = []
    n = len(text)
    for m in _MEANINGFUL.finditer(text):
        s, e = max(0, m.start() - MARGIN), min(n, m.end() + MARGIN)
        if regions and s <= regions[-1][1]:
            regions[-1] = (regions[-1][0], e)
        else:
            regions.append((s, e))
    return regions
