"""Named failures of the HTTP edge, each with its status, a stable code and a helpful title.

They become RFC 9457 problem+json at the edge (relay.problems). None of them ever carries a
submitted value: messages are written by us, locations name fields, never contents.
"""

from __future__ import annotations

from dataclasses import dataclass


class ConfigError(Exception):
    """One or more configuration problems; `problems` lists them all, each self-explaining.
    (Here, not in relay.config, so that commands that never read the configuration, such as
    `relay scrub`, start without loading pydantic-settings.)"""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class FieldError:
    loc: tuple[str | int, ...]
    msg: str


class RelayError(Exception):
    status: int = 500
    code: str = "internal"  # stable: log event suffix, metric label, problem type
    title: str = "Internal error"

    def __init__(self, detail: str = "", *, retry_after: int | None = None) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.retry_after = retry_after


class MalformedBody(RelayError):
    status, code, title = 400, "malformed", "Malformed request body"


class Unauthorized(RelayError):
    status, code, title = 401, "unauthorized", "Missing or invalid credentials"


class NotFound(RelayError):
    status, code, title = 404, "not_found", "Not found"


class PayloadTooLarge(RelayError):
    status, code, title = 413, "too_large", "Request body too large"


class UnsupportedMediaType(RelayError):
    status, code, title = 415, "unsupported_media_type", "Content-Type must be application/json"


class SchemaInvalid(RelayError):
    status, code, title = 422, "invalid", "Request body failed validation"

    def __init__(self, errors: list[FieldError], detail: str = "") -> None:
        super().__init__(detail or f"{len(errors)} field(s) failed validation")
        self.errors = errors


class RateLimited(RelayError):
    status, code, title = 429, "rate_limited", "Too many requests"


class Unavailable(RelayError):
    status, code, title = 503, "unavailable", "Relay cannot durably accept alerts right now"
