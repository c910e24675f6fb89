"""In-test receivers: a tiny Sink that POSTs JSON, and a scriptable loopback HTTP server.

Deliberately independent of relay.sinks.slack/pagerduty: these tests are about the engine.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp
from aiohttp import web

from relay.model import Alert, Severity, Source
from relay.sinks.base import Digest, Outcome, Verdict


def make_alert(n: int = 0, *, fingerprint: str | None = None, title: str | None = None,
               severity: Severity = Severity.WARNING, service: str = "billing") -> Alert:
    return Alert(source=Source.DIRECT, severity=severity, service=service,
                 title=title or f"Queue lag high #{n}", fingerprint=fingerprint or f"fp-{n}")


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())


class JsonSink:
    """A Sink that POSTs `{"text", "alert_id", "dedup_key"}`; folds only if kind is slack."""

    def __init__(self, name: str, url: str, kind: str = "slack") -> None:
        self.name = name
        self.kind = kind
        self.url = url
        self.pace_key = f"{kind}:{url}"

    def format(self, alert: Alert) -> dict[str, Any]:
        return {"text": f"[{alert.severity.value}] {alert.title}", "alert_id": alert.id,
                "dedup_key": alert.fingerprint}

    def format_digest(self, digest: Digest) -> dict[str, Any] | None:
        if self.kind != "slack":
            return None
        return {"digest": True, "total": digest.total, "by_severity": dict(digest.by_severity),
                "top": [list(t) for t in digest.top],
                "text": f"{digest.total} alerts folded"}

    def fit(self, body: dict[str, Any]) -> dict[str, Any]:
        return body  # no limits

    def classify(self, status: int, headers: Mapping[str, str], body: bytes) -> Outcome:
        if 200 <= status < 300:
            return Outcome(Verdict.OK, status=status)
        if status == 429 or status >= 500:
            return Outcome(Verdict.RETRY, f"http_{status}",
                           retry_after=parse_retry_after(headers.get("Retry-After")),
                           status=status)
        return Outcome(Verdict.PERMANENT, f"http_{status}", status=status)

    async def send(self, session: aiohttp.ClientSession, body: dict[str, Any],
                   timeout: float) -> Outcome:
        try:
            async with session.post(self.url, json=body,
                                    timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
                return self.classify(resp.status, resp.headers, await resp.read())
        except TimeoutError:
            return Outcome(Verdict.RETRY, "timeout")
        except aiohttp.ClientError:
            return Outcome(Verdict.RETRY, "connection_error")


Handler = Callable[[dict[str, Any], int], Awaitable[web.StreamResponse]]


async def ok(_body: dict[str, Any], _n: int) -> web.StreamResponse:
    return web.json_response({"ok": True})


@dataclass
class FakeReceiver:
    """Loopback server: records (monotonic time, body, status) per request and answers
    with `handler(body, request_number)`; optionally enforces a token bucket (429)."""

    handler: Handler = ok
    rate: float | None = None
    burst: float = 1.0
    tolerance: float = 0.05  # tokens: absorbs client→server latency jitter
    calls: list[tuple[float, dict[str, Any], int]] = field(default_factory=list)
    requests: int = 0  # counted on arrival (calls are recorded on answer)
    _tokens: float = 0.0
    _t: float = 0.0
    _runner: web.AppRunner | None = None
    url: str = ""

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        now = time.monotonic()
        n = self.requests
        self.requests += 1
        if self.rate is not None:
            if n == 0:
                self._tokens, self._t = self.burst, now
            self._tokens = min(self.burst, self._tokens + (now - self._t) * self.rate)
            self._t = now
            if self._tokens < 1.0 - self.tolerance:
                self.calls.append((now, body, 429))
                return web.json_response({"ok": False}, status=429,
                                         headers={"Retry-After": "1"})
            self._tokens -= 1.0
        resp = await self.handler(body, n)
        self.calls.append((now, body, resp.status))
        return resp

    async def start(self) -> FakeReceiver:
        app = web.Application()
        app.router.add_post("/hook", self._handle)
        self._runner = web.AppRunner(app, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}/hook"
        return self

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def statuses(self) -> list[int]:
        return [s for _, _, s in self.calls]

    def ids(self) -> list[str]:
        return [b["alert_id"] for _, b, s in self.calls if s < 300 and "alert_id" in b]


async def wait_for(pred: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.02)
