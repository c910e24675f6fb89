"""Slack text safety: escape untrusted text, cut it to a limit, and build our own links.

Slack treats `&`, `<` and `>` as control characters: unescaped, alert text could notify a
whole workspace (`<!channel>`), mention people (`<@U…>`) or hide a phishing URL behind a
friendly label (`<https://evil|Reset password>`). Every untrusted string goes through
`fit` (escape, then cut without splitting an entity), and the only `<…>` sequences in a
message are the links `link` builds from a validated https URL and our own label.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from relay.sinks.http import TRUNCATION_MARKER, https_url

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
#: C0/C1 controls (but newline and tab) and bidi overrides that can disguise text direction.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
#: Characters allowed unencoded in a URL inside `<url|label>`: never `<`, `>`, `|` or space.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"


def clean(text: str) -> str:
    """Drop invisible control and bidi characters; they carry nothing but disguise."""
    return _INVISIBLE.sub("", text)


def one_line(text: str) -> str:
    """Collapse all whitespace (headers and fallbacks are single lines)."""
    return " ".join(clean(text).split())


def escape(text: str) -> str:
    """Slack's escaping: `&` first, then `<` and `>`; nothing else is encoded."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fit(text: str, limit: int, marker: str = TRUNCATION_MARKER) -> str:
    """`text` escaped and, if needed, cut so the *escaped* result is at most `limit` long.

    Cutting happens on source characters, so an entity such as `&amp;` is either whole or
    absent, never split into a dangling `&am`.
    """
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    budget = max(0, limit - len(marker))
    out: list[str] = []
    used = 0
    for ch in text:
        piece = _ENTITIES.get(ch, ch)
        if used + len(piece) > budget:
            break
        out.append(piece)
        used += len(piece)
    return ("".join(out) + marker)[:limit]


def link(url: str | None, label: str) -> str | None:
    """`<url|label>` for an https URL, with the URL made safe to embed, else None.

    `<`, `>`, `|`, quotes and non-ASCII are percent-encoded (they would end the link or
    forge its label), then `&` is escaped as Slack requires inside links.
    """
    safe = https_url(url)
    if safe is None:
        return None
    encoded = quote(safe, safe=_URL_SAFE)
    return f"<{escape(encoded)}|{escape(label)}>"
