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
