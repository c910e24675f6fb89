"""Silences: a person mutes alerts matching some fields for a while, with a reason.

Pure: validation (`parse_silence`), the `Silence` record, and the questions the pipeline
asks (`active`, `silences_matching`); storage is `relay.silence_store`.

Decisions, and why:
- Matchers (severity, service, environment, source, tags; exact values or lists) are
  `relay.matchers.MatchIn` on input and `MatchSpec` once stored, matched by
  `relay.routing.matches` like routes; an empty matcher is refused: a silence that mutes
  everything is never what was meant.
- `ends_at` or `duration` ("2h", "30m", "1d", "1h30m"), exactly one; `starts_at` defaults to
  now. The end must be after the start and in the future; at most 30 days: silences are
  for incidents and maintenance, and a forgotten one must not hide a clinic's alerts for
  months.
- `author` and `comment` are required (who muted what, and why, is the audit trail). They
  are staff free text and are stored, so `Silence.scrubbed` runs the PHI scrubber over
  them and over the matcher values before the store sees them.
- Unknown fields are refused (a typo like `end_at` must not create a silence that never
  ends as intended). Errors name the field with our own message; never a submitted value
  (an unknown key is named only when it looks like a field name).
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    field_validator,
)

from relay.config import Matcher
from relay.errors import FieldError, SchemaInvalid
from relay.matchers import EMPTY, MESSAGES, MatchIn, MatchSpec
from relay.model import Alert, TextScrubber
from relay.routing import matches

MAX_DURATION = timedelta(days=30)
AUTHOR_MAX = 200
COMMENT_MAX = 2000

_PART = re.compile(r"(\d{1,6})([smhd])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: Any) -> timedelta:
    """`30m`, `2h`, `1d`, `1h30m` → timedelta; ValueError for anything else (or zero)."""
    if isinstance(value, timedelta):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > 32:
        raise ValueError("duration")
    raw = value.strip().lower()
    parts = _PART.findall(raw)
    if "".join(n + u for n, u in parts) != raw:
        raise ValueError("duration")
    seconds = sum(int(n) * _UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise ValueError("duration")
    return timedelta(seconds=seconds)


def _iso_only(value: Any) -> Any:
    """Timestamps are ISO 8601 strings; numbers would be read as epoch seconds by pydantic."""
    if value is not None and not isinstance(value, str | datetime):
        raise ValueError("timestamp")
    return value


Duration = Annotated[timedelta, BeforeValidator(parse_duration)]
Timestamp = Annotated[datetime, BeforeValidator(_iso_only)]
Author = Annotated[str, StringConstraints(min_length=1, max_length=AUTHOR_MAX,
                                          strip_whitespace=True)]
Comment = Annotated[str, StringConstraints(min_length=1, max_length=COMMENT_MAX,
                                           strip_whitespace=True)]


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class SilenceIn(BaseModel):
    """A silence as submitted (`POST` body)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    matchers: MatchIn
    starts_at: Timestamp | None = None
    ends_at: Timestamp | None = None
    duration: Duration | None = None
    author: Author
    comment: Comment

    @field_validator("starts_at", "ends_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return _aware(value)


class Silence(BaseModel):
    """A stored silence. `expired_at` is set when someone ends it early."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    matchers: MatchSpec
    starts_at: datetime
    ends_at: datetime
    author: str
    comment: str
    created_at: datetime
    expired_at: datetime | None = None
    _matcher: Matcher = PrivateAttr(default_factory=Matcher)

    def model_post_init(self, __context: Any) -> None:
        self._matcher = self.matchers.to_matcher()

    @property
    def matcher(self) -> Matcher:
        return self._matcher

    def ended(self, now: datetime) -> bool:
        """Past its end, or expired by hand: it will never mute again."""
        return now >= self.ends_at or (self.expired_at is not None and now >= self.expired_at)

    def scrubbed(self, scrubber: TextScrubber) -> tuple[Silence, Counter[str]]:
        """A copy with author, comment and every matcher text (tag names too) scrubbed,
        like `Alert.scrubbed`. Matching runs on scrubbed alerts, so scrubbed matcher values
        still match what they were meant to."""
        counts: Counter[str] = Counter()

        def clean(text: str) -> str:
            out, found = scrubber.scrub(text)
            counts.update(found)
            return out

        def clean_values(value: str | list[str] | None) -> str | list[str] | None:
            if value is None:
                return None
            return clean(value) if isinstance(value, str) else [clean(v) for v in value]

        m = self.matchers
        tags = None if m.tags is None else {
            clean(k): clean_values(v) for k, v in m.tags.items()}
        matchers = m.model_copy(update={
            "service": clean_values(m.service),
            "environment": clean_values(m.environment),
            "tags": tags,
        })
        update: dict[str, Any] = {"author": clean(self.author), "comment": clean(self.comment)}
        if matchers != m:
            update["matchers"] = matchers
        copy = self.model_copy(update=update)
        copy._matcher = copy.matchers.to_matcher()
        return copy, counts

    def as_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)


def active(silence: Silence, now: datetime) -> bool:
    """Whether the silence mutes alerts at `now` (started, not ended, not expired)."""
    return silence.starts_at <= now and not silence.ended(now)


def silences_matching(alert: Alert, silences: Iterable[Silence], now: datetime) -> list[Silence]:
    """The silences active at `now` whose matcher matches the (scrubbed) alert."""
    return [s for s in silences if active(s, now) and matches(s.matcher, alert)]


# -- validation -----------------------------------------------------------------------------

_FIELD_MESSAGES = {
    "matchers": "required: an object of severity, service, environment, source, tags",
    "starts_at": "must be an ISO 8601 timestamp string",
    "ends_at": "must be an ISO 8601 timestamp string",
    "duration": "must be a duration like 30m, 2h, 1d or 1h30m",
    "author": f"required: a string of 1 to {AUTHOR_MAX} characters",
    "comment": f"required: a string of 1 to {COMMENT_MAX} characters",
}
_SAFE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


def field_errors(exc: ValidationError, prefix: tuple[str | int, ...] = ("body",)
                 ) -> list[FieldError]:
    """Pydantic's errors for `SilenceIn` as FieldErrors: one per field, our message, no
    submitted value (locations stop at the field; an unknown key is named only when it
    looks like an identifier)."""
    out: dict[tuple[str | int, ...], FieldError] = {}
    for error in exc.errors(include_input=False, include_url=False):
        loc = error["loc"]
        kind = error["type"]
        if kind == "extra_forbidden" and loc:
            key = loc[-1]
            named = (*prefix, *loc[:-1][:1], key) if isinstance(key, str) and _SAFE_KEY.match(
                key) else (*prefix, *loc[:-1][:1])
            out.setdefault(named, FieldError(named, "unknown field"))
            continue
        name = loc[0] if loc else None
        if name == "matchers" and len(loc) >= 2 and loc[1] in MESSAGES:
            where: tuple[str | int, ...] = (*prefix, "matchers", loc[1])
            msg = MESSAGES[str(loc[1])]
        elif isinstance(name, str) and name in _FIELD_MESSAGES:
            where = (*prefix, name)
            msg = "field required" if kind == "missing" else _FIELD_MESSAGES[name]
        else:
            where, msg = prefix, "must be a JSON object with the silence fields"
        out.setdefault(where, FieldError(where, msg))
    return list(out.values())


def new_silence_id() -> str:
    return uuid.uuid4().hex


def parse_silence(body: Any, now: datetime, *, silence_id: str | None = None) -> Silence:
    """A submitted body → a new Silence created at `now`; raises SchemaInvalid (422) listing
    every problem: schema, empty matcher, end/duration missing or both, end not after start,
    end in the past, longer than 30 days."""
    prefix: tuple[str | int, ...] = ("body",)
    if not isinstance(body, dict):
        raise SchemaInvalid([FieldError(prefix, "must be a JSON object")])
    try:
        data = SilenceIn.model_validate(body)
    except ValidationError as exc:
        raise SchemaInvalid(field_errors(exc, prefix)) from None
    errors: list[FieldError] = []
    if data.matchers.is_empty():
        errors.append(FieldError((*prefix, "matchers"), EMPTY))
    start = data.starts_at or now
    end: datetime | None = None
    if (data.ends_at is None) == (data.duration is None):
        errors.append(FieldError((*prefix, "ends_at"), "give exactly one of ends_at, duration"))
    elif data.ends_at is not None:
        end = data.ends_at
    elif data.duration is not None:
        end = start + data.duration
    if end is not None:
        where = (*prefix, "ends_at" if data.ends_at is not None else "duration")
        if end <= start:
            errors.append(FieldError(where, "must end after starts_at"))
        elif end <= now:
            errors.append(FieldError(where, "must end in the future"))
        elif end - start > MAX_DURATION:
            errors.append(FieldError(where, "a silence lasts at most 30 days"))
    if errors or end is None:
        raise SchemaInvalid(errors)
    return Silence(
        id=silence_id or new_silence_id(), matchers=data.matchers.spec(), starts_at=start,
        ends_at=end, author=data.author, comment=data.comment, created_at=now,
    )
