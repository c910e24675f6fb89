"""A strict fake PagerDuty Events API v2 (`POST /v2/enqueue`) on a real loopback port.

Events are validated with PagerDuty's own OpenAPI schema (relay/fakes/data) plus
`STRICT_EXTRAS`, the documented rules the schema does not encode (FACTS §1): a 32-character
alphanumeric routing key, summary ≤ 1024, dedup_key ≤ 255 and required for
acknowledge/resolve, payload required for trigger, body ≤ 512 KB, and a timestamp in RFC 3339
or the docs' `±hhmm` form. It keeps incident state per (routing_key, dedup_key) with
PagerDuty's semantics: a resolve closes the open alert, an ack/resolve with none open is
dropped (still 202), a trigger after a resolve opens a new one.

    fake = FakePagerDuty()
    await fake.start()
    sink = PagerDutySink("pd", routing_key=fake.routing_key, events_url=fake.events_url)
    ... fake.incident("sentry:web:42").status == "resolved"
"""

from __future__ import annotations

import json
import re
import secrets
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from aiohttp import web
from jsonschema import Draft7Validator

from relay.fakes.server import Clock, FakeServer, Route, json_response

SCHEMA_FILE = Path(__file__).resolve().parent / "data" / "pagerduty-events-v2.openapi.json"
MAX_BODY = 512 * 1024
_KEY = re.compile(r"^[A-Za-z0-9]*$")
_TIMESTAMP = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2}|[+-]\d{4})$"
)


def _load_schema() -> dict[str, Any]:
    """The request-body schema of POST /enqueue, with `components` so its $refs resolve."""
    spec = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    schema = spec["paths"]["/enqueue"]["post"]["requestBody"]["content"]["application/json"][
        "schema"]
    return {**schema, "components": spec["components"]}


#: No format checker on purpose: the spec's `date-time` rejects the docs' own `+0000`
#: examples; the timestamp rule lives in STRICT_EXTRAS.
VALIDATOR = Draft7Validator(_load_schema())


def _routing_key(event: dict[str, Any]) -> list[str]:
    key = event.get("routing_key")
    if not isinstance(key, str):
        return []  # the schema reports it
    if len(key) != 32:
        return ["Length of 'routing_key' is incorrect (should be 32 characters)"]
    if not _KEY.match(key):
        return ["'routing_key' cannot contain non-alphanumeric characters."]
    return []


def _dedup_key(event: dict[str, Any]) -> list[str]:
    key = event.get("dedup_key")
    if event.get("event_action") in ("acknowledge", "resolve") and not key:
        return ["'dedup_key' is required for acknowledge and resolve events"]
    if isinstance(key, str) and len(key) > 255:
        return ["'dedup_key' is too long (maximum is 255 characters)"]
    return []


def _payload(event: dict[str, Any]) -> list[str]:
    payload = event.get("payload")
    if event.get("event_action") == "trigger" and payload is None:
        return ["'payload' is missing"]
    if not isinstance(payload, dict):
        return []
    errors: list[str] = []
    summary = payload.get("summary")
    if isinstance(summary, str) and len(summary) > 1024:
        errors.append("'summary' is too long (maximum is 1024 characters)")
    for name in ("summary", "source"):
        value = payload.get(name)
        if isinstance(value, str) and not value.strip():
            errors.append(f"'payload.{name}' is missing or blank")
    stamp = payload.get("timestamp")
    if isinstance(stamp, str) and not _valid_timestamp(stamp):
        errors.append("'payload.timestamp' must be RFC 3339 or ISO 8601 with a ±hhmm offset")
    return errors


def _valid_timestamp(value: str) -> bool:
    if not _TIMESTAMP.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("t", "T").replace("z", "Z"))
    except ValueError:
        return False
    return True


def _images(event: dict[str, Any]) -> list[str]:
    images = event.get("images")
    if not isinstance(images, list):
        return []
    return [f"images[{i}].src must be served via HTTPS" for i, image in enumerate(images)
            if isinstance(image, dict) and isinstance(image.get("src"), str)
            and not image["src"].startswith("https://")]


#: The documented rules PagerDuty's OpenAPI file does not encode (FACTS §1).
STRICT_EXTRAS: tuple[Callable[[dict[str, Any]], list[str]], ...] = (
    _routing_key, _dedup_key, _payload, _images,
)


def check_event(event: Any) -> list[str]:
    """Every reason PagerDuty would refuse this event body (empty when it is valid)."""
    errors = [
        f"{'.'.join(str(p) for p in error.absolute_path) or 'event'}: {error.message}"
        for error in VALIDATOR.iter_errors(event)
    ]
    if isinstance(event, dict):
        for rule in STRICT_EXTRAS:
            errors += rule(event)
    return errors


@dataclass
class Incident:
    """One alert's life at PagerDuty, as the fake tracks it."""

    routing_key: str
    dedup_key: str
    status: str  # "triggered" | "acknowledged" | "resolved"
    summary: str
    severity: str
    events: int = 1  # events applied to this alert (trigger repeats, ack, resolve)
    history: list[str] = field(default_factory=list)  # event_actions in order


class FakePagerDuty(FakeServer):
    """Strict fake PagerDuty. `rate_per_minute` per routing key over a 60 s look-back
    (PagerDuty: ~120), None for no limit. `routing_keys=None` accepts any well-formed key;
    a set makes others `Invalid routing key`. `retry_after` adds that header to 429s
    (PagerDuty documents none). `routing_key` fixes the ready key (the local sink's
    configured one), else it is random; it must be one PagerDuty would accept."""

    name = "pagerduty"

    def __init__(
        self,
        *,
        rate_per_minute: int | None = 120,
        clock: Clock | None = None,
        routing_keys: Iterable[str] | None = None,
        retry_after: int | None = None,
        routing_key: str | None = None,
        keep: int | None = None,
    ) -> None:
        super().__init__(clock=clock or time.monotonic, keep=keep)
        if routing_key is not None and _routing_key({"routing_key": routing_key}):
            raise ValueError("a PagerDuty routing key is 32 letters and digits")
        self.rate_per_minute = rate_per_minute
        self.retry_after = retry_after
        self.routing_key = routing_key or secrets.token_hex(16)  # 32 alphanumerics
        self.routing_keys = ({self.routing_key, *routing_keys}
                             if routing_keys is not None else None)
        self.incidents: dict[tuple[str, str], Incident] = {}
        self.closed: list[Incident] = []  # resolved alerts replaced by a later trigger
        self.dropped: list[dict[str, Any]] = []  # ack/resolve with no open alert
        self._windows: dict[str, deque[float]] = {}

    @property
    def events_url(self) -> str:
        if not self.base_url:
            raise RuntimeError("await fake.start() first")
        return self.base_url + "/v2/enqueue"

    def incident(self, dedup_key: str, routing_key: str | None = None) -> Incident | None:
        return self.incidents.get((routing_key or self.routing_key, dedup_key))

    def open_incidents(self) -> list[Incident]:
        return [i for i in self.incidents.values() if i.status != "resolved"]

    # -- server ----------------------------------------------------------------------------

    def route_table(self) -> list[Route]:
        return [("POST", "/v2/enqueue", self._enqueue)]

    def default_failure_body(self, status: int) -> tuple[bytes, str]:
        if status == 429:
            return b"", "text/plain"
        return json.dumps({"status": "error", "message": "Internal error"}).encode(), \
            "application/json"

    async def _enqueue(self, request: web.Request) -> web.Response:
        raw = await request.read()
        if len(raw) > MAX_BODY:
            return self._invalid(["Event object exceeds the 512 KB limit"])
        try:
            event = json.loads(raw)
        except (UnicodeDecodeError, ValueError):
            event = None
        if not isinstance(event, dict):
            self.reject(400, "Unrecognized object", ("JSON parse error",))
            return json_response(400, {"status": "Unrecognized object",
                                       "message": "Event object format is unrecognized",
                                       "errors": ["JSON parse error"]})
        key = event.get("routing_key")
        if isinstance(key, str) and self._over_limit(key):
            self.throttle(key, "throttle event")
            headers = {"Retry-After": str(self.retry_after)} if self.retry_after else None
            return json_response(429, {
                "status": "throttle event",
                "message": "Requests for this service are arriving too quickly. "
                           "Please retry later.",
            }, headers=headers)
        errors = check_event(event)
        if not errors and self.routing_keys is not None and key not in self.routing_keys:
            errors = ["Invalid routing key"]
        if errors:
            return self._invalid(errors)
        dedup_key = event.get("dedup_key") or uuid.uuid4().hex
        self._apply(event, dedup_key)
        self.accept(202, str(key), event)
        return json_response(202, {"status": "success", "message": "Event processed",
                                   "dedup_key": dedup_key})

    def _invalid(self, errors: list[str]) -> web.Response:
        self.reject(400, "invalid event", tuple(errors))
        return json_response(400, {"status": "invalid event",
                                   "message": "Event object is invalid", "errors": errors})

    def _over_limit(self, key: str) -> bool:
        if self.rate_per_minute is None:
            return False
        now = self.clock()
        window = self._windows.setdefault(key, deque())
        while window and window[0] <= now - 60.0:
            window.popleft()
        if len(window) >= self.rate_per_minute:
            return True
        window.append(now)
        return False

    def _apply(self, event: dict[str, Any], dedup_key: str) -> None:
        """PagerDuty's dedup semantics (FACTS §1), per (routing_key, dedup_key)."""
        action = event["event_action"]
        ident = (event["routing_key"], dedup_key)
        current = self.incidents.get(ident)
        is_open = current is not None and current.status != "resolved"
        if action == "trigger":
            payload = event["payload"]
            if current is not None and is_open:
                current.events += 1
                current.history.append(action)
                return
            if current is not None:
                self.closed.append(current)
            self.incidents[ident] = Incident(
                routing_key=ident[0], dedup_key=dedup_key, status="triggered",
                summary=payload["summary"], severity=payload["severity"], history=[action],
            )
            return
        if current is None or not is_open:
            self.dropped.append(event)
            return
        current.status = "resolved" if action == "resolve" else "acknowledged"
        current.events += 1
        current.history.append(action)

    def _records(self) -> list[list[Any]]:
        return [*super()._records(), self.closed, self.dropped]
