"""What both strict fakes share: a real loopback server, records, and failure injection.

A fake is an aiohttp app on 127.0.0.1 with a free port. Every request is recorded in
`.requests`; accepted bodies in `.received`; content/credential refusals in `.rejected`;
rate-limit refusals are counted in `.rate_limited`. `fail_next` and `hang_next` answer the
next requests with an injected failure (or a stall longer than a client's timeout) before
any validation, so a test can script an outage precisely.

`mount` puts a fake's routes on any app, each behind that fake's recording and injection,
so the local sink serves both fakes on one port; `watch` tells a callback how each request
ended (the sink's page and log). `keep` bounds the records for a long-running process.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import deque
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, NamedTuple

from aiohttp import web

Clock = Callable[[], float]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Route = tuple[str, str, Handler]  # method, path pattern, handler
Verdict = Literal["accepted", "rejected", "rate_limited", "injected"]

#: the path of the request being handled, for `Handled` records (one per handler task)
_PATH: ContextVar[str] = ContextVar("fake_request_path", default="")


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


@dataclass(frozen=True)
class Handled:
    """How one request ended, as a fake tells its watchers."""

    receiver: str  # "slack" | "pagerduty"
    verdict: Verdict
    path: str
    status: int
    target: str = ""  # webhook path, channel or routing key (accepted and rate-limited)
    reason: str = ""  # the receiver's error code (rejected, rate_limited)
    errors: tuple[str, ...] = ()
    body: Any = None  # the accepted body


Watcher = Callable[[Handled], None]


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

    name: ClassVar[str] = "fake"

    def __init__(self, *, clock: Clock = time.monotonic, keep: int | None = None) -> None:
        if keep is not None and keep < 1:
            raise ValueError("keep must be at least 1 (or None to keep everything)")
        self.clock = clock
        self.keep = keep  # None: every record is kept (tests); else the newest `keep` of each
        self.watchers: list[Watcher] = []
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

    def route_table(self) -> list[Route]:  # pragma: no cover - abstract
        raise NotImplementedError

    def mount(self, app: web.Application) -> None:
        """Add this fake's routes to `app`, each behind this fake's recording and injection."""
        for method, path, handler in self.route_table():
            app.router.add_route(method, path, self._guarded(handler))

    async def start(self) -> str:
        """Bind 127.0.0.1 on a free port; return the base URL (`http://127.0.0.1:<port>`)."""
        if self._runner is not None:
            return self.base_url
        app = new_app()
        self.mount(app)
        self._runner, self.base_url = await serve(app, "127.0.0.1", 0)
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

    def _guarded(self, handler: Handler) -> Handler:
        async def guarded(request: web.Request) -> web.StreamResponse:
            _PATH.set(request.path)
            try:
                return await self._intercept(request, handler)
            finally:
                self._trim()
        return guarded

    async def _intercept(self, request: web.Request, handler: Handler) -> web.StreamResponse:
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
        self._tell("injected", injection.status, reason="injected")
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

    def accept(self, status: int, target: str, body: dict[str, Any]) -> None:
        self.received.append(body)
        self._tell("accepted", status, target=target, body=body)

    def reject(self, status: int, reason: str, errors: tuple[str, ...] = ()) -> None:
        self.rejected.append(Rejection(status, reason, errors))
        self._tell("rejected", status, reason=reason, errors=errors)

    def throttle(self, target: str, reason: str) -> None:
        self.rate_limited += 1
        self._tell("rate_limited", 429, target=target, reason=reason)

    def watch(self, watcher: Watcher) -> None:
        """Call `watcher` with a `Handled` record each time a request is decided."""
        self.watchers.append(watcher)

    def _tell(self, verdict: Verdict, status: int, **details: Any) -> None:
        if self.watchers:
            handled = Handled(self.name, verdict, _PATH.get(), status, **details)
            for watcher in self.watchers:
                watcher(handled)

    def _trim(self) -> None:
        """Drop the oldest records past `keep` (subclasses add their own lists)."""
        if self.keep is not None:
            for records in self._records():
                del records[:-self.keep]

    def _records(self) -> list[list[Any]]:
        return [self.received, self.rejected, self.requests, self.injected]


def new_app() -> web.Application:
    """An app for fakes (bodies up to 8 MiB, past any receiver's own limit)."""
    return web.Application(client_max_size=8 * 1024 * 1024)


async def serve(app: web.Application, host: str, port: int) -> tuple[web.AppRunner, str]:
    """Run `app` on host:port (0: a free port); return its runner and base URL."""
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    bound_host, bound_port = runner.addresses[0][:2]
    return runner, f"http://{bound_host}:{bound_port}"


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
