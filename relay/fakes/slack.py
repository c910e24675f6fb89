"""A strict fake Slack: incoming webhooks and chat.postMessage on a real loopback port.

It answers like Slack (FACTS §2–§5): webhooks reply 200 `ok` or an HTTP error with a
plain-text code; chat.postMessage replies JSON with `ok`, its errors at HTTP 200. It refuses
what Slack refuses (bad JSON, empty messages, Block Kit violations — see `slack_rules`) and,
stricter than Slack, any unescaped mention or foreign link (`.violations`), so a formatter
bug fails a test instead of paging a clinic's whole workspace.

    fake = FakeSlack()
    await fake.start()
    sink = SlackSink("ops", webhook_url=fake.webhook_url)            # a ready webhook
    sink = SlackSink("ops", bot_token=fake.bot_token, channel="#pms-alerts",
                     api_url=fake.api_url)
    ... fake.received, fake.messages_to("#pms-alerts"), fake.rejected, fake.violations
"""

from __future__ import annotations

import json
import math
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from aiohttp import web

from relay.fakes.server import Clock, FakeServer, Route, json_response
from relay.fakes.slack_rules import DEFAULT_LINK_LABELS, Check, Violation, check_message
from relay.pacing import TokenBucket

DEFAULT_TOKEN = "xoxb-1111-2222-relayfaketoken"


@dataclass(frozen=True)
class Posted:
    """An accepted message and where it went (a webhook path or a channel)."""

    target: str
    body: dict[str, Any]


class FakeSlack(FakeServer):
    """Strict fake Slack. `rate`/`burst`: messages per second per webhook or channel
    (Slack: 1/s with short bursts); `rate=None` turns the limit off. `channels=None`
    accepts any channel; a set makes others `channel_not_found`. `webhook_path` fixes the
    ready webhook's path (`/services/…`; the local sink's configured URL), else it is random."""

    name = "slack"

    def __init__(
        self,
        *,
        rate: float | None = 1.0,
        burst: int = 3,
        clock: Clock | None = None,
        tokens: Iterable[str] = (DEFAULT_TOKEN,),
        channels: Iterable[str] | None = None,
        link_labels: Iterable[str] = DEFAULT_LINK_LABELS,
        webhook_path: str | None = None,
        keep: int | None = None,
    ) -> None:
        super().__init__(clock=clock or time.monotonic, keep=keep)
        if rate is not None and (rate <= 0 or burst < 1):
            raise ValueError("a Slack rate limit needs rate > 0 and burst >= 1")
        if webhook_path is not None and not webhook_path.startswith("/services/"):
            raise ValueError("a Slack webhook path starts with /services/")
        self.rate, self.burst = rate, burst
        self.tokens = set(tokens)
        self.bot_token = next(iter(self.tokens), DEFAULT_TOKEN)
        self.channels = set(channels) if channels is not None else None
        self.archived: set[str] = set()  # webhook paths or channels answering "archived"
        self.link_labels = frozenset(link_labels)
        self.messages: list[Posted] = []
        self.violations: list[Violation] = []
        self.warnings: list[str] = []
        self._buckets: dict[str, TokenBucket] = {}
        self._default_path = webhook_path or self._new_path()
        self._webhooks: set[str] = {self._default_path}

    # -- addresses ---------------------------------------------------------------------

    @staticmethod
    def _new_path() -> str:
        return (f"/services/T{secrets.token_hex(4).upper()}/B{secrets.token_hex(4).upper()}/"
                f"{secrets.token_urlsafe(18)}")

    @property
    def webhook_url(self) -> str:
        """A webhook that exists from the start."""
        self._require_started()
        return self.base_url + self._default_path

    @property
    def api_url(self) -> str:
        """The `api_url` for SlackSink's bot mode (`{api_url}/chat.postMessage`)."""
        self._require_started()
        return self.base_url + "/api"

    def add_webhook(self) -> str:
        """A new, distinct webhook URL (its own rate-limit bucket)."""
        self._require_started()
        path = self._new_path()
        self._webhooks.add(path)
        return self.base_url + path

    def remove_webhook(self, url: str) -> None:
        """The webhook is revoked: it answers 404 `no_service` from now on."""
        self._webhooks.discard(urlsplit(url).path)

    def archive(self, target: str) -> None:
        """A webhook URL or channel whose channel is archived (410 / `is_archived`)."""
        self.archived.add(urlsplit(target).path if target.startswith("http") else target)

    def messages_to(self, target: str) -> list[dict[str, Any]]:
        """Accepted bodies for a channel or webhook URL."""
        key = urlsplit(target).path if target.startswith("http") else target
        return [m.body for m in self.messages if m.target == key]

    def _require_started(self) -> None:
        if not self.base_url:
            raise RuntimeError("await fake.start() first")

    # -- server ----------------------------------------------------------------------------

    def route_table(self) -> list[Route]:
        return [
            ("POST", "/services/{tail:.*}", self._webhook),
            ("POST", "/api/chat.postMessage", self._post_message),
            ("*", "/api/{method}", self._unknown_method),
        ]

    def default_failure_body(self, status: int) -> tuple[bytes, str]:
        code = {429: "rate_limited", 500: "rollup_error", 503: "service_unavailable"}
        return code.get(status, f"http_{status}").encode(), "text/plain"

    async def _webhook(self, request: web.Request) -> web.Response:
        path = request.path
        if path not in self._webhooks:
            return self._webhook_error(404, "no_service")
        if path in self.archived:
            return self._webhook_error(410, "channel_is_archived")
        limited = self._rate_limit(path)
        if limited is not None:
            return limited
        body = await self._webhook_body(request)
        if body is None:
            return self._webhook_error(400, "invalid_payload")
        check = check_message(body, api=False, link_labels=self.link_labels)
        self.violations += check.violations
        if check.code:
            return self._webhook_error(400, check.code, _reasons(check))
        self._accept(200, path, body, check.warnings)
        return web.Response(text="ok", content_type="text/html")

    @staticmethod
    async def _webhook_body(request: web.Request) -> Any:
        raw = await request.read()
        if request.content_type == "application/x-www-form-urlencoded":
            form = parse_qs(raw.decode("utf-8", "replace"))
            raw = form.get("payload", [""])[0].encode()
        try:
            return json.loads(raw)
        except (UnicodeDecodeError, ValueError):
            return None

    def _webhook_error(self, status: int, code: str, errors: tuple[str, ...] = ()
                       ) -> web.Response:
        self.reject(status, code, errors)
        return web.Response(status=status, text=code, content_type="text/plain")

    async def _post_message(self, request: web.Request) -> web.Response:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        raw = await request.read()
        try:
            body = json.loads(raw)
        except (UnicodeDecodeError, ValueError):
            body = None
        in_body = isinstance(body, dict) and "token" in body
        if "token" in request.query or in_body:
            return self._api_error("not_authed", "a token in the body or query is refused")
        if scheme.lower() != "bearer" or not token:
            return self._api_error("not_authed")
        if token not in self.tokens:
            return self._api_error("invalid_auth")
        if request.content_type != "application/json":
            return self._api_error("invalid_arguments", "send JSON with application/json")
        if body is None:
            return self._api_error("invalid_json")
        if not isinstance(body, dict):
            return self._api_error("json_not_object")
        channel = body.get("channel")
        if not isinstance(channel, str) or not channel:
            return self._api_error("channel_not_found")
        if self.channels is not None and channel not in self.channels:
            return self._api_error("channel_not_found")
        if channel in self.archived:
            return self._api_error("is_archived")
        if "markdown_text" in body and ("text" in body or "blocks" in body):
            return self._api_error("markdown_text_conflict")
        limited = self._rate_limit(channel)
        if limited is not None:
            return limited
        check = check_message(body, api=True, link_labels=self.link_labels)
        self.violations += check.violations
        if check.code:
            return self._api_error(check.code, *_reasons(check))
        warnings = list(check.warnings)
        if "charset" not in request.headers.get("Content-Type", "").lower():
            warnings.append("missing_charset")
        self._accept(200, channel, body, warnings)
        answer: dict[str, Any] = {
            "ok": True, "channel": channel,
            "ts": f"{self.clock():.6f}", "message": {"text": body.get("text", "")},
        }
        if warnings:
            answer["warning"] = ",".join(warnings)
            answer["response_metadata"] = {"warnings": warnings}
        return json_response(200, answer)

    def _api_error(self, code: str, *errors: str) -> web.Response:
        """chat.postMessage failures come at HTTP 200 with ok:false (FACTS §3)."""
        self.reject(200, code, errors)
        doc: dict[str, Any] = {"ok": False, "error": code}
        if errors:
            doc["errors"] = list(errors)
            doc["response_metadata"] = {"messages": [f"[ERROR] {e}" for e in errors]}
        return json_response(200, doc)

    async def _unknown_method(self, request: web.Request) -> web.Response:
        self.reject(404, "unknown_method")
        return json_response(404, {"ok": False, "error": "unknown_method"})

    def _rate_limit(self, key: str) -> web.Response | None:
        """1 message/second per webhook or channel with a small burst, else 429 (FACTS §2)."""
        if self.rate is None:
            return None
        now = self.clock()
        bucket = self._buckets.get(key) or TokenBucket.full(self.burst, now)
        self._buckets[key], wait = bucket.take(rate=self.rate, burst=self.burst, now=now)
        if wait <= 0:
            return None
        self.throttle(key, "rate_limited")
        seconds = max(1, math.ceil(wait))
        return json_response(429, {"retry_after": seconds, "ok": False, "error": "rate_limited"},
                             headers={"Retry-After": str(seconds)})

    def _accept(self, status: int, target: str, body: dict[str, Any], warnings: list[str]
                ) -> None:
        self.messages.append(Posted(target, body))
        self.warnings += warnings
        self.accept(status, target, body)

    def _records(self) -> list[list[Any]]:
        return [*super()._records(), self.messages, self.violations, self.warnings]


def _reasons(check: Check) -> tuple[str, ...]:
    """Slack's errors, then each injection violation by rule and place (never the text)."""
    return (*check.errors, *(f"{v.rule} [json-pointer:{v.pointer}]" for v in check.violations))
