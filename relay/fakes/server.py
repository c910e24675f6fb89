"""What both strict fakes share: a real loopback server, records, and failure injection.

A fake is an aiohttp app on 127.0.0.1 with a free port. Every request is recorded in
`.requests`; accepted bodies in `.received`; content/credential refusals in `.rejected`;
rate-limit refusals are counted in `.rate_limited`. `fail_next` and `hang_next` answer the
next requests with an injected failure (or a stall longer than a client's timeout) before
any validation, so a test can script an outage precisely.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from aiohttp import web

Clock = Callable[[], float]


class Rejection(NamedTuple):
    """A request the fake refused for its content, credentials or address."""

    status: int
    reason: str  # the receiver's error code, e.g. "invalid_blocks", "invalid event"
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeenRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class _Injection:
    status: int
    retry_after: int | str | None
    body: bytes | None
    hang: float = 0.0
    then_process: bool = False
    ctype: str = "text/plain"


class ManualClock:
    """A clock for the fakes' rate limits that moves only when told (no sleeping in tests)."""

    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class FakeServer:
    """Base for FakeSlack and FakePagerDuty; subclasses add routes and validation."""

    def __init__(self, *, clock: Clock = time.monotonic) -> None:
        self.clock = clock
        self.received: list[dict[str, Any]] = []
        self.rejected: list[Rejection] = []
        self.requests: list[SeenRequest] = []
        self.rate_limited = 0
        self.injected: list[int] = []  # statuses answered by fail_next/hang_next
        self.hung = 0
        self.base_url = ""
        self._injections: deque[_Injection] = deque()
        self._runner: web.AppRunner | None = None
        self._closing = asyncio.Event()

    # -- lifecycle -------------------------------------------------------------------------

    def routes(self, app: web.Application) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    async def start(self) -> str:
        """Bind 127.0.0.1 on a free port; return the base URL (`http://127.0.0.1:<port>`)."""
        if self._runner is not None:
            return self.base_url
        app = web.Application(middlewares=[self._middleware], client_max_size=8 * 1024 * 1024)
        self.routes(app)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"
        return self.base_url

    async def close(self) -> None:
        self._closing.set()  # releases hung handlers at once
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- failure injection -----------------------------------------------------------------

    def fail_next(
        self, n: int = 1, status: int = 503, retry_after: int | str | None = None,
        body: bytes | str | dict[str, Any] | None = None,
    ) -> None:
        """Answer the next `n` requests with `status` (and `Retry-After` if given) unseen.

        `retry_after` may be seconds or an HTTP-date string; `body` defaults to what the
        real receiver sends for that status.
        """
        raw = _as_bytes(body) if body is not None else None
        ctype = "application/json" if isinstance(body, dict) else "text/plain"
        self._injections.extend(
            _Injection(status, retry_after, raw, ctype=ctype) for _ in range(n)
        )

    def hang_next(self, n: int = 1, seconds: float = 5.0, *, then_process: bool = False) -> None:
        """Stall the next `n` requests for `seconds` (to exceed a client's timeout).

        Afterwards the request is answered 503 unseen, or, with `then_process=True`,
        handled normally — the "delivered but the client timed out" case that makes
        at-least-once produce a duplicate.
        """
        self._injections.extend(
            _Injection(503, None, None, hang=seconds, then_process=then_process)
            for _ in range(n)
        )

    def default_failure_body(self, status: int) -> tuple[bytes, str]:
        return b"", "text/plain"

    @web.middleware
    async def _middleware(
        self, request: web.Request,
        handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
    ) -> web.StreamResponse:
        body = await request.read()
        self.requests.append(SeenRequest(request.method, request.path, dict(request.query),
                                         dict(request.headers), body))
        if self._injections:
            injection = self._injections.popleft()
            if injection.hang:
                self.hung += 1
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._closing.wait(), injection.hang)
                if injection.then_process:
                    return await handler(request)
            return self._injected(injection)
        return await handler(request)

    def _injected(self, injection: _Injection) -> web.Response:
        self.injected.append(injection.status)
        if injection.body is not None:
            raw, ctype = injection.body, injection.ctype
        else:
            raw, ctype = self.default_failure_body(injection.status)
        headers = {}
        if injection.retry_after is not None:
            headers["Retry-After"] = str(injection.retry_after)
        return web.Response(status=injection.status, body=raw, headers=headers,
                            content_type=ctype)

    # -- helpers for subclasses ------------------------------------------------------------

    def reject(self, status: int, reason: str, errors: tuple[str, ...] = ()) -> None:
        self.rejected.append(Rejection(status, reason, errors))


def _as_bytes(body: bytes | str | dict[str, Any]) -> bytes:
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    return json.dumps(body).encode("utf-8")


def json_response(status: int, doc: dict[str, Any], headers: dict[str, str] | None = None
                  ) -> web.Response:
    return web.Response(status=status, text=json.dumps(doc), headers=headers,
                        content_type="application/json")
