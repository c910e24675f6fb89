"""Slack text safety: escape untrusted text, cut it to a limit, and build our own links.

Slack treats `&`, `<` and `>` as control characters: unescaped, alert text could notify a
whole workspace (`<!channel>`), mention people (`<@U…>`) or hide a phishing URL behind a
friendly label (`<https://evil|Reset password>`). Every untrusted string goes through
`fit` (escape, then `cut` without splitting an entity), and the only `<…>` sequences in a
message are the links `link` builds from a validated https URL and our own label.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from relay.sinks.http import ATOMS as TEXT_ATOMS
from relay.sinks.http import TRUNCATION_MARKER, https_url, truncate

#: What a cut keeps whole in escaped text: entities, our links, and what every text keeps.
ATOMS = re.compile(rf"&(?:amp|lt|gt);|<[^<>]*>|{TEXT_ATOMS.pattern}")
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
    """`text` escaped and, if needed, cut so the *escaped* result is at most `limit` long."""
    return cut(escape(text), limit, marker)


def cut(escaped: str, limit: int, marker: str = TRUNCATION_MARKER) -> str:
    """Already-escaped mrkdwn cut to `limit` (after the egress guard, too).

    An entity such as `&amp;`, one of our `<url|label>` links or a redaction is either
    whole or absent: a dangling `&am` or `<https://…` would be unescaped control text.
    """
    return truncate(escaped, limit, marker, atoms=ATOMS)


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
