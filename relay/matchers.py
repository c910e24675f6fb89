"""Matchers typed by people (silences over the API, inhibition rules in the routing file):
validated here, then turned into the routing table's `Matcher`, so one function
(`relay.routing.matches`) decides what "an alert matches" means everywhere.

Shape: `{severity, service, environment, source: value or list, tags: {key: value or list}}`;
a list means "any of", every given field must hold, values match exactly. A matcher with
no field would match every alert: it is refused (muting everything is never what a
person meant, and it would hide critical alerts).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from relay.config import Matcher
from relay.model import Severity, Source

VALUE_MAX = 200
VALUES_MAX = 50
TAG_KEYS_MAX = 32
FIELDS = ("severity", "service", "environment", "source", "tags")

Value = Annotated[str, StringConstraints(min_length=1, max_length=VALUE_MAX,
                                         strip_whitespace=True)]
Values = Value | Annotated[list[Value], Field(min_length=1, max_length=VALUES_MAX)]
TagKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]

#: Our message per field (never pydantic's, never the input).
MESSAGES = {
    "severity": "must be critical, warning or info, or a list of them",
    "source": f"must be one of {', '.join(s.value for s in Source)}, or a list of them",
    "service": f"must be a string of 1 to {VALUE_MAX} characters or a list of them",
    "environment": f"must be a string of 1 to {VALUE_MAX} characters or a list of them",
    "tags": (f"must map at most {TAG_KEYS_MAX} tag names ([A-Za-z0-9_.:-], at most 64 "
             f"characters) to a string of 1 to {VALUE_MAX} characters or a list of them"),
}
EMPTY = "needs at least one of severity, service, environment, source, tags"


def _as_list(value: str | list[str] | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    return frozenset([value] if isinstance(value, str) else value)


class MatchSpec(BaseModel):
    """A validated matcher as stored (plain types: scrubbing may have rewritten values, and
    a stored silence must load again whatever the scrubber made of it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    severity: str | list[str] | None = None
    service: str | list[str] | None = None
    environment: str | list[str] | None = None
    source: str | list[str] | None = None
    tags: dict[str, str | list[str]] | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in FIELDS)

    def to_matcher(self) -> Matcher:
        return Matcher(
            severity=_as_list(self.severity),
            service=_as_list(self.service),
            environment=_as_list(self.environment),
            source=_as_list(self.source),
            tags=tuple(sorted((k, _as_list(v)) for k, v in (self.tags or {}).items())),
        )


class MatchIn(MatchSpec):
    """One matcher as submitted: bounded values, known severities and sources."""

    severity: Values | None = None
    service: Values | None = None
    environment: Values | None = None
    source: Values | None = None
    tags: dict[TagKey, Values] | None = None

    @field_validator("severity", "source", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        if isinstance(value, str):
            return value.strip().lower()
        if isinstance(value, list):
            return [v.strip().lower() if isinstance(v, str) else v for v in value]
        return value

    @field_validator("severity")
    @classmethod
    def _severity(cls, value: str | list[str] | None) -> str | list[str] | None:
        if not _as_list(value) <= {s.value for s in Severity}:
            raise ValueError("severity")
        return value

    @field_validator("source")
    @classmethod
    def _source(cls, value: str | list[str] | None) -> str | list[str] | None:
        if not _as_list(value) <= {s.value for s in Source}:
            raise ValueError("source")
        return value

    @field_validator("tags")
    @classmethod
    def _few_tags(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and len(value) > TAG_KEYS_MAX:
            raise ValueError("tags")
        return value or None

    def spec(self) -> MatchSpec:
        return MatchSpec.model_validate(self.model_dump(exclude_none=True))


def drop_lines(value: Any) -> Any:
    """The routing-file loader adds `__line__` to every mapping; a matcher never has one."""
    if isinstance(value, dict):
        return {k: drop_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [drop_lines(v) for v in value]
    return value
