"""The normalised alert: the only shape that travels past ingest.

Every source (Sentry, direct POSTs, Alertmanager) is parsed into an `Alert`; after
`scrubbed()` it is the only thing the outbox, the logs and the sinks ever see. Fields are an
allowlist on purpose: nothing raw rides along.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import uuid
from collections import Counter
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


def new_id() -> str:
    return uuid.uuid4().hex


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
        for name in self.TEXT_FIELDS:
            value = getattr(self, name)
            if value:
                clean, found = scrubber.scrub(value)
                counts.update(found)
                if clean != value:
                    changes[name] = clean
        if self.tags:
            tags: dict[str, str] = {}
            for key, value in self.tags.items():
                ckey, kfound = scrubber.scrub(key)
                cval, vfound = scrubber.scrub(value)
                counts.update(kfound)
                counts.update(vfound)
                tags[ckey] = cval
            if tags != self.tags:
                changes["tags"] = tags
        return (self.model_copy(update=changes) if changes else self), counts


class TextScrubber(Protocol):
    """What the model needs of the scrubber (relay.scrub.Scrubber satisfies it)."""

    def scrub(self, text: str) -> tuple[str, Counter[str]]: ...
