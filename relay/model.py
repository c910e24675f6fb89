"""The normalised alert: the only shape that travels past ingest.

Every source (Sentry, direct POSTs, Alertmanager) is parsed into an `Alert`; after
`scrubbed()` it is the only thing the outbox, the logs and the sinks ever see. Fields are an
allowlist on purpose: nothing raw rides along.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import itertools
import os
import re
import time
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import ClassVar, Protocol

from pydantic import BaseModel, ConfigDict, Field


class Severity(enum.StrEnum):
    CRITICAL = "critical"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; a rise in rank passes the dedup window at once."""
        return {"info": 0, "warning": 1, "critical": 2}[self.value]


class Action(enum.StrEnum):
    TRIGGER = "trigger"
    RESOLVE = "resolve"


class Source(enum.StrEnum):
    SENTRY = "sentry"
    SENTRY_LEGACY = "sentry-legacy"
    DIRECT = "direct"
    ALERTMANAGER = "alertmanager"
    TEST = "test"


_NODE = os.urandom(6).hex()
_SEQUENCE = itertools.count(int.from_bytes(os.urandom(2), "big"))


def new_id() -> str:
    """32 hex: time, a per-process sequence and a random node, so ids sort by creation and
    stay unique across replicas; os.urandom per alert (uuid4) cost more than the rest of an
    id's life on the hot path."""
    return f"{time.time_ns():016x}{next(_SEQUENCE) & 0xFFFF:04x}{_NODE}"


def utcnow() -> datetime:
    return datetime.now(UTC)


class Alert(BaseModel):
    """A normalised alert. Text fields are scrubbed before the alert is stored or sent."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(default_factory=new_id)
    source: Source
    action: Action = Action.TRIGGER
    severity: Severity
    title: str
    message: str | None = None
    service: str
    environment: str = "production"
    release: str | None = None
    culprit: str | None = None
    link: str | None = None
    fingerprint: str
    correlation_id: str | None = None
    user: str | None = None  # anonymised: user_<8 hex>
    occurrences: int = 1
    tags: dict[str, str] = Field(default_factory=dict)
    sentry_issue_id: str | None = None
    sentry_event_id: str | None = None
    sentry_project: str | None = None
    occurred_at: datetime | None = None
    received_at: datetime = Field(default_factory=utcnow)

    #: Fields that carry free text from the outside world; each goes through the scrubber.
    TEXT_FIELDS: ClassVar[tuple[str, ...]] = (
        "title", "message", "service", "environment", "release", "culprit", "link",
        "correlation_id", "sentry_project",
    )

    def scrubbed(
        self, scrubber: TextScrubber, fingerprint_key: bytes = b""
    ) -> tuple[Alert, Counter[str]]:
        """Return a copy with every text field (and every tag key and value) scrubbed.

        The fingerprint is an identity, not text for people: redacting part of it would merge
        distinct alerts (and point a resolve at the wrong incident). When the scrubber finds
        anything in it, the whole fingerprint becomes a keyed hash of itself instead, which
        is stable across trigger and resolve and reveals nothing.
        """
        counts: Counter[str] = Counter()
        changes: dict[str, object] = {}
        clean_fp, fp_found = scrubber.scrub(self.fingerprint)
        if clean_fp != self.fingerprint:
            counts.update(fp_found)
            digest = hmac.new(fingerprint_key, self.fingerprint.encode(), hashlib.sha256)
            changes["fingerprint"] = "h:" + digest.hexdigest()[:32]
        texts = {name: v for name in self.TEXT_FIELDS if (v := getattr(self, name))}
        first: dict[str, str] = {}
        for text in (*texts.values(), *(t for kv in self.tags.items() for t in kv)):
            if text not in first:
                first[text], hits = scrubber.scrub(text)
                counts.update(hits)
        # a value found in one field is redacted in every field: the MRN in a title must not
        # survive as a path segment of the link, where no context marks it
        found = _found_values(scrubber, [t for t, c in first.items() if c != t])
        # and each word of a name: "Quackenbush" alone in a tag is the same person
        parts = [(w, re.compile(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])"))
                 for w in sorted({w for value, kind in found if kind == "NAME"
                                  for w in _NAME_WORD.findall(value)
                                  if len(w) >= _MIN_PROPAGATED}, key=len, reverse=True)]

        def clean(text: str) -> str:
            out = first[text]
            for value, kind in found:
                if value in out:
                    counts[kind] += out.count(value)
                    out = out.replace(value, f"[REDACTED:{kind}]")
            for part, rx in parts:  # a name's own words, found alone elsewhere
                if part in out:
                    out, n = rx.subn("[REDACTED:NAME]", out)
                    counts["NAME"] += n
            return out

        for name, value in texts.items():
            cleaned = clean(value)
            if cleaned != value:
                # a link with a redaction in it leads nowhere: drop it rather than send it
                changes[name] = None if name == "link" else cleaned
        if self.tags:
            tags = {clean(k): clean(v) for k, v in self.tags.items()}
            if tags != self.tags:
                changes["tags"] = tags
        return (self.model_copy(update=changes) if changes else self), counts


class Found(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class TextScrubber(Protocol):
    """What the model needs of the scrubber (relay.scrub.Scrubber satisfies it)."""

    def scrub(self, text: str) -> tuple[str, Counter[str]]: ...

    def find(self, text: str) -> Sequence[Found]: ...


#: shorter values are too likely to be ordinary words or numbers elsewhere
_MIN_PROPAGATED = 4
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _found_values(scrubber: TextScrubber, texts: list[str]) -> list[tuple[str, str]]:
    """(value, kind) for everything the detectors find in any of `texts`, longest first."""
    values: dict[str, str] = {}
    for text in texts:
        for f in scrubber.find(text):
            value = text[f.start:f.end].strip()
            if len(value) >= _MIN_PROPAGATED and not value.startswith("[REDACTED:"):
                values.setdefault(value, f.kind)
    return sorted(values.items(), key=lambda kv: -len(kv[0]))
