"""Direct alerts (`POST /api/alerts`, DESIGN §4) → Alerts.

Decisions, and why:
- Unknown top-level keys are ignored, not rejected: a producer adding a field must not lose
  its alerts, and an ignored key is dropped, so nothing unknown travels on.
- `details` is accepted (any JSON object) but NOT forwarded: it is free-form and the likeliest
  place for a record to be pasted. Only the scalar values of `DETAIL_KEYS` become tags
  (explicit `tags` win on a clash).
- `tags` are forwarded (capped: 32 keys of `[A-Za-z0-9_.:-]{1,64}`, values ≤ 200 chars):
  they are the producer's routing labels; the scrubber still runs over them.
- `user_id` (string or integer) is only ever kept as `user_<hmac>`.
- `link` must be https; `timestamp` must be an ISO 8601 string (naive means UTC).
- `null` for a field with a default (`environment`, `action`, `tags`) means the default.
- Errors name the field (`("body", 3, "severity")`) with our own message per field; no
  pydantic message, input, or dict key (tag keys are submitted values) is ever passed on.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from relay import fingerprint
from relay.errors import FieldError, SchemaInvalid
from relay.ingest.common import (
    CORRELATION_MAX,
    ENVIRONMENT_MAX,
    LINK_MAX,
    MESSAGE_MAX,
    SERVICE_MAX,
    TAG_KEY_MAX,
    TAG_VALUE_MAX,
    TAGS_MAX,
    TITLE_MAX,
    USER_ID_MAX,
    ParseContext,
    anonymise_user,
    clean_text,
    http_link,
    tag_text,
    unsurrogate,
)
from relay.model import Action, Alert, Severity, Source

MAX_BATCH = 100
DEDUP_KEY_MAX = 255
MAX_ERRORS = 100
#: `details` keys whose scalar values are forwarded as tags; everything else is dropped.
DETAIL_KEYS: tuple[str, ...] = ("component", "error_code", "status_code", "region")

TagKey = Annotated[str, StringConstraints(pattern=rf"^[A-Za-z0-9_.:-]{{1,{TAG_KEY_MAX}}}$")]
TagValue = Annotated[str, StringConstraints(max_length=TAG_VALUE_MAX)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=TITLE_MAX)]
Service = Annotated[str, StringConstraints(min_length=1, max_length=SERVICE_MAX)]
Environment = Annotated[str, StringConstraints(min_length=1, max_length=ENVIRONMENT_MAX)]
Message = Annotated[str, StringConstraints(max_length=MESSAGE_MAX)]
DedupKey = Annotated[str, StringConstraints(min_length=1, max_length=DEDUP_KEY_MAX)]
CorrelationId = Annotated[str, StringConstraints(pattern=rf"^[\x21-\x7e]{{1,{CORRELATION_MAX}}}$")]
UserId = Annotated[StrictInt, Field(ge=-(2**63), lt=2**64)] | Annotated[
    str, StringConstraints(min_length=1, max_length=USER_ID_MAX)]
Link = Annotated[str, StringConstraints(max_length=LINK_MAX)]


class DirectAlertIn(BaseModel):
    """One direct alert as a producer sends it."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)

    title: Title
    severity: Severity
    service: Service
    environment: Environment = "production"
    message: Message | None = None
    action: Action = Action.TRIGGER
    dedup_key: DedupKey | None = None
    correlation_id: CorrelationId | None = None
    user_id: UserId | None = None
    link: Link | None = None
    timestamp: datetime | None = None
    tags: dict[TagKey, TagValue] = Field(default_factory=dict)
    details: dict[str, Any] | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _no_lone_surrogates(cls, value: Any) -> Any:
        """JSON may carry lone surrogates (`"\\ud800"`); pydantic refuses them as strings,
        so replace them before validation (one level deep, for `tags`)."""
        if isinstance(value, str):
            return unsurrogate(value)
        if isinstance(value, dict):
            return {unsurrogate(k) if isinstance(k, str) else k:
                    unsurrogate(v) if isinstance(v, str) else v for k, v in value.items()}
        return value

    @field_validator("environment", "action", "tags", mode="before")
    @classmethod
    def _null_is_default(cls, value: Any, info: ValidationInfo) -> Any:
        """Producers serialise unset optionals as null; that means the default."""
        if value is None and info.field_name:
            return cls.model_fields[info.field_name].get_default(call_default_factory=True)
        return value

    @field_validator("severity", "action", mode="before")
    @classmethod
    def _case_insensitive(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("title", "service", "environment", "message", "dedup_key")
    @classmethod
    def _clean(cls, value: str | None, info: ValidationInfo) -> str | None:
        """No control characters or lone surrogates; required text stays non-empty."""
        if value is None:
            return None
        clean = clean_text(value, len(value) + 1)
        if not clean and info.field_name != "message":
            raise ValueError("empty")
        return clean

    @field_validator("link")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is None:
            return None
        link = http_link(value)
        if link is None or not link.startswith("https://"):
            raise ValueError("link")
        return link

    @field_validator("timestamp", mode="before")
    @classmethod
    def _iso_string(cls, value: Any) -> Any:
        if value is not None and not isinstance(value, str):
            raise ValueError("timestamp")
        return value

    @field_validator("timestamp")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value

    @field_validator("tags")
    @classmethod
    def _few_tags(cls, value: dict[str, str]) -> dict[str, str]:
        if len(value) > TAGS_MAX:
            raise ValueError("tags")
        return {k: clean_text(v, TAG_VALUE_MAX) for k, v in value.items()}

    def forwarded_tags(self) -> dict[str, str]:
        """Tags plus the allowlisted scalar `details`; explicit tags win."""
        out: dict[str, str] = {}
        for key in DETAIL_KEYS:
            raw = (self.details or {}).get(key)
            if isinstance(raw, str | int | float | bool):
                value = tag_text(raw)
                if value:
                    out[key] = value
        out.update(self.tags)
        return out

    def to_alert(self, ctx: ParseContext, source: Source) -> Alert:
        user = None if self.user_id is None else anonymise_user(str(self.user_id), ctx.hash_key)
        return Alert(
            source=source,
            action=self.action,
            severity=self.severity,
            title=self.title,
            message=self.message or None,
            service=self.service,
            environment=self.environment,
            link=self.link,
            fingerprint=self.dedup_key
            or fingerprint.direct(self.service, self.environment, self.title),
            correlation_id=self.correlation_id,
            user=user,
            tags=self.forwarded_tags(),
            occurred_at=self.timestamp,
            received_at=ctx.received_at,
        )


#: Our message per field: generic, written here, never derived from the input.
_MESSAGES = {
    "title": f"required: a string of 1 to {TITLE_MAX} characters",
    "severity": "required: one of critical, warning, info",
    "service": f"required: a string of 1 to {SERVICE_MAX} characters",
    "environment": f"must be a string of 1 to {ENVIRONMENT_MAX} characters",
    "message": f"must be a string of at most {MESSAGE_MAX} characters",
    "action": "must be one of trigger, resolve",
    "dedup_key": f"must be a string of 1 to {DEDUP_KEY_MAX} characters",
    "correlation_id": f"must be 1 to {CORRELATION_MAX} printable characters without spaces",
    "user_id": f"must be a string of 1 to {USER_ID_MAX} characters or an integer",
    "link": "must be an https URL",
    "timestamp": "must be an ISO 8601 timestamp string",
    "tags": (f"must be an object of at most {TAGS_MAX} string values (keys "
             f"[A-Za-z0-9_.:-], at most {TAG_KEY_MAX} characters; values at most "
             f"{TAG_VALUE_MAX} characters)"),
    "details": "must be an object",
}


def _field_errors(exc: ValidationError, prefix: tuple[str | int, ...]) -> list[FieldError]:
    """One FieldError per failing field; locations stop at the field name, because deeper
    parts (dict keys of `tags`) are submitted values."""
    out: dict[tuple[str | int, ...], FieldError] = {}
    for error in exc.errors(include_input=False, include_url=False):
        name = error["loc"][0] if error["loc"] else None
        if not isinstance(name, str) or name not in _MESSAGES:
            loc, msg = prefix, "must be a JSON object with the direct alert fields"
        elif error["type"] == "missing":
            loc, msg = (*prefix, name), "field required"
        else:
            loc, msg = (*prefix, name), _MESSAGES[name]
        out.setdefault(loc, FieldError(loc, msg))
    return list(out.values())


def parse_direct(body: Any, ctx: ParseContext, *, source: Source = Source.DIRECT) -> list[Alert]:
    """One alert for a JSON object, one per item for an array of 1..100 objects;
    anything else, or any invalid item, raises SchemaInvalid listing every failing field."""
    if isinstance(body, dict):
        items: list[tuple[tuple[str | int, ...], Any]] = [(("body",), body)]
    elif isinstance(body, list):
        if not 1 <= len(body) <= MAX_BATCH:
            raise SchemaInvalid([FieldError(("body",), f"must hold 1 to {MAX_BATCH} alerts")])
        items = [(("body", i), item) for i, item in enumerate(body)]
    else:
        raise SchemaInvalid([FieldError(("body",), "must be a JSON object or an array of them")])
    alerts: list[Alert] = []
    errors: list[FieldError] = []
    for prefix, item in items:
        if not isinstance(item, dict):
            errors.append(FieldError(prefix, "must be a JSON object"))
            continue
        try:
            alerts.append(DirectAlertIn.model_validate(item).to_alert(ctx, source))
        except ValidationError as exc:
            errors.extend(_field_errors(exc, prefix))
    if errors:
        raise SchemaInvalid(errors[:MAX_ERRORS], f"{len(errors)} field(s) failed validation")
    return alerts
