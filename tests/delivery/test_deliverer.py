"""The delivery engine against real loopback HTTP servers and a real SQLite outbox."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from email.utils import formatdate
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from delivery_helpers import FakeReceiver, JsonSink, make_alert, wait_for

from relay import metrics
from relay.delivery import Deliverer, DeliverySettings
from relay.outbox.base import State
from relay.outbox.sqlite import SqliteOutbox
from relay.pacing import MemoryPacer
from relay.scrub import Scrubber

FAST = DeliverySettings(
    request_timeout=0.3, backoff_base=0.05, backoff_cap=0.2, lease_seconds=5,
    slack_rate=1000, slack_burst=1000, pagerduty_rate=1000, pagerduty_burst=1000,
    breaker_threshold=3, breaker_cooldown=0.3, breaker_max_cooldown=1.0,
    poll_interval=0.05, gauge_interval=0.1, shutdown_grace=2,
)


def counter(metric: Any, **labels: str) -> float:
    return float(metric.labels(**labels)._value.get())


@pytest.fixture
async def outbox(tmp_path: Path) -> AsyncIterator[SqliteOutbox]:
    box = SqliteOutbox(tmp_path / "o.db")
    await box.open()
    yield box
    await box.close()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


@pytest.fixture
async def run(outbox: SqliteOutbox, session: aiohttp.ClientSession) -> AsyncIterator[Any]:
    started: list[Deliverer] = []

    async def start(sinks: dict[str, JsonSink], settings: DeliverySettings = FAST,
                    clock: Callable[[], float] = time.time) -> Deliverer:
        d = Deliverer(outbox=outbox, sinks=sinks, pacer=MemoryPacer(), scrubber=Scrubber(),
                      session=session, clock=clock, settings=settings)
        await d.start()
        started.append(d)
        return d

    yield start
    for d in started:
        await d.stop(1)


async def server(handler: Any = None, **kw: Any) -> FakeReceiver:
    return await (FakeReceiver(handler, **kw) if handler else FakeReceiver(**kw)).start()


def script(*statuses: int, headers: dict[str, str] | None = None) -> Any:
    """Answer the first requests with `statuses`, then 200."""
    async def handler(_body: dict[str, Any], n: int) -> web.StreamResponse:
        status = statuses[n] if n < len(statuses) else 200
        return web.json_response({}, status=status, headers=headers if status != 200 else None)
    return handler


async def delivered(outbox: SqliteOutbox, receiver: str) -> int:
    stats = {s.receiver: s for s in await outbox.stats(time.time())}
    return stats[receiver].delivered if receiver in stats else 0


async def test_delivers_in_order_and_records_metrics(outbox: SqliteOutbox, run: Any) -> None:
    srv = await server()
    try:
        before = counter(metrics.DELIVERIES, receiver="r-ok", outcome="ok")
        alerts = [make_alert(i) for i in range(5)]
        for a in alerts:
            await outbox.enqueue(a, ["r-ok"], time.time())
        d = await run({"r-ok": JsonSink("r-ok", srv.url)})
        await wait_for(lambda: len(srv.calls) == 5)
        await wait_for(lambda: counter(metrics.DELIVERIES, receiver="r-ok", outcome="ok")
                       == before + 5)
        assert srv.ids() == [a.id for a in alerts]
        assert await delivered(outbox, "r-ok") == 5
        h = d.health()["r-ok"]
        assert h["circuit"] == "closed" and h["last_success_at"] is not None
        await d.refresh_gauges()
        assert metrics.OUTBOX_DEPTH.labels(receiver="r-ok")._value.get() == 0
    finally:
        await srv.close()


@pytest.mark.parametrize("status", [500, 503])
async def test_server_errors_are_retried_with_backoff(
    outbox: SqliteOutbox, run: Any, status: int
) -> None:
    srv = await server(script(status, status))
    try:
        a = make_alert()
        await outbox.enqueue(a, ["r5"], time.time())
        await run({"r5": JsonSink("r5", srv.url)})
        await wait_for(lambda: srv.statuses() == [status, status, 200])
        assert srv.ids() == [a.id]
        await wait_for_async(lambda: delivered(outbox, "r5"), 1)
    finally:
        await srv.close()


async def wait_for_async(get: Callable[[], Any], want: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while (got := await get()) != want:
        if time.monotonic() > deadline:
            raise AssertionError(f"{got!r} != {want!r}")
        await asyncio.sleep(0.02)


@pytest.mark.parametrize("header", ["seconds", "http-date"])
async def test_429_retry_after_is_honoured(outbox: SqliteOutbox, run: Any, header: str) -> None:
    value = "1" if header == "seconds" else formatdate(time.time() + 3, usegmt=True)
    srv = await server(script(429, headers={"Retry-After": value}))
    try:
        for i in range(2):
            await outbox.enqueue(make_alert(i), ["rl"], time.time())
        await run({"rl": JsonSink("rl", srv.url)})
        await wait_for(lambda: len(srv.calls) == 3)
        (t0, _, s0), (t1, _, s1), (_, _, s2) = srv.calls
        assert (s0, s1, s2) == (429, 200, 200)
        # the whole receiver waited (not just the row), and not much longer than told
        assert 0.95 <= t1 - t0 < 4.0  # an HTTP date has whole seconds
        await wait_for_async(lambda: delivered(outbox, "rl"), 2)
    finally:
        await srv.close()


async def test_hang_past_timeout_is_retried(outbox: SqliteOutbox, run: Any) -> None:
    async def hang_once(_body: dict[str, Any], n: int) -> web.StreamResponse:
        if n == 0:
            await asyncio.sleep(3)
        return web.json_response({})
    srv = await server(hang_once)
    try:
        a = make_alert()
        await outbox.enqueue(a, ["rh"], time.time())
        started = time.monotonic()
        d = await run({"rh": JsonSink("rh", srv.url)})
        await wait_for_async(lambda: delivered(outbox, "rh"), 1)
        assert time.monotonic() - started < 2.5  # did not wait for the hung answer
        assert d.health()["rh"]["last_failure_reason"] == "timeout"
    finally:
        await srv.close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_refused_connections_open_the_breaker_then_probe_recovers(
    outbox: SqliteOutbox, run: Any
) -> None:
    sink = JsonSink("rc", f"http://127.0.0.1:{closed_port()}/hook")
    for i in range(10):
        await outbox.enqueue(make_alert(i), ["rc"], time.time())
    settings = replace(FAST, breaker_cooldown=0.5, backoff_base=0.01, backoff_cap=0.02)
    d = await run({"rc": sink}, settings)
    await wait_for(lambda: d.health()["rc"]["circuit"] == "open")
    assert metrics.CIRCUIT_OPEN.labels(receiver="rc")._value.get() == 1
    h = d.health()["rc"]
    assert h["consecutive_failures"] == 3 and h["last_failure_reason"] == "connection_error"
    assert h["paused_for_seconds"] > 0
    srv = await server()
    try:
        sink.url = srv.url  # the receiver comes back
        await wait_for_async(lambda: delivered(outbox, "rc"), 10)
        assert d.health()["rc"]["circuit"] == "closed"
        assert metrics.CIRCUIT_OPEN.labels(receiver="rc")._value.get() == 0
    finally:
        await srv.close()


async def test_400_goes_to_dead_letters_then_replay_delivers(
    outbox: SqliteOutbox, run: Any
) -> None:
    srv = await server(script(400))
    try:
        a, b = make_alert(1), make_alert(2)
        await outbox.enqueue(a, ["rd"], time.time())
        await outbox.enqueue(b, ["rd"], time.time())
        await run({"rd": JsonSink("rd", srv.url)})
        await wait_for(lambda: len(srv.calls) == 2)
        await wait_for_async(lambda: delivered(outbox, "rd"), 1)
        (dead,) = await outbox.list(dead=True, limit=10)
        assert dead.alert.id == a.id and dead.last_error == "http_400"
        assert dead.state is State.DEAD
        assert await outbox.replay(ids=[dead.id], now=time.time()) == 1
        await wait_for_async(lambda: delivered(outbox, "rd"), 2)
        assert srv.ids() == [b.id, a.id]
    finally:
        await srv.close()


async def test_rows_older_than_max_age_die_without_a_send(outbox: SqliteOutbox, run: Any) -> None:
    srv = await server()
    try:
        await outbox.enqueue(make_alert(), ["ra"], time.time() - 3600)
        await run({"ra": JsonSink("ra", srv.url)}, replace(FAST, max_age=60))
        deadline = time.monotonic() + 5
        while not (dead := await outbox.list(dead=True, limit=5)):
            assert time.monotonic() < deadline
            await asyncio.sleep(0.02)
        assert dead[0].last_error == "max_age" and srv.calls == []
    finally:
        await srv.close()


async def test_pacing_never_exceeds_rate(outbox: SqliteOutbox, run: Any) -> None:
    rate, burst, n = 20.0, 2.0, 30
    srv = await server(rate=rate, burst=burst)
    try:
        for i in range(n):
            await outbox.enqueue(make_alert(i), ["rp"], time.time())
        settings = replace(FAST, pagerduty_rate=rate, pagerduty_burst=burst)
        await run({"rp": JsonSink("rp", srv.url, kind="pagerduty")}, settings)
        await wait_for(lambda: len(srv.calls) >= n, timeout=15)
        assert 429 not in srv.statuses()
        times = [t for t, _, _ in srv.calls]
        assert times[-1] - times[0] >= (n - burst) / rate * 0.9
        for i, t in enumerate(times):  # count sends server-side in every 0.5 s window
            assert sum(1 for s in times[i:] if s < t + 0.5) <= burst + rate * 0.5 + 1
    finally:
        await srv.close()


@pytest.mark.slow
async def test_storm_becomes_a_handful_of_digests(outbox: SqliteOutbox, run: Any) -> None:
    srv = await server(rate=1.0, burst=3.0)  # a Slack webhook: 429 beyond 1/s
    try:
        now = time.time()
        await asyncio.gather(*(outbox.enqueue(make_alert(i, fingerprint=f"fp-{i % 7}"),
                                              ["storm"], now) for i in range(2000)))
        settings = replace(FAST, slack_rate=1.0, slack_burst=3.0, digest_max_rows=500)
        folded_before = counter(metrics.DIGEST_FOLDED, receiver="storm")
        await run({"storm": JsonSink("storm", srv.url)}, settings)
        await wait_for_async(lambda: delivered(outbox, "storm"), 2000, timeout=20)
        assert 429 not in srv.statuses()
        bodies = [b for _, b, _ in srv.calls]
        assert all(b.get("digest") for b in bodies) and len(bodies) <= 6
        assert sum(b["total"] for b in bodies) == 2000
        assert sum(sum(b["by_severity"].values()) for b in bodies) == 2000
        assert counter(metrics.DIGEST_FOLDED, receiver="storm") - folded_before == 2000
        stats = {s.receiver: s for s in await outbox.stats(time.time())}
        assert stats["storm"].pending == 0
    finally:
        await srv.close()


async def test_failed_digest_loses_nothing(outbox: SqliteOutbox, run: Any) -> None:
    srv = await server(script(503))
    try:
        for i in range(30):
            await outbox.enqueue(make_alert(i), ["df"], time.time())
        await run({"df": JsonSink("df", srv.url)})
        await wait_for_async(lambda: delivered(outbox, "df"), 30)
        assert srv.statuses() == [503, 200]
        assert srv.calls[0][1]["total"] == 30 and srv.calls[1][1]["total"] == 30
    finally:
        await srv.close()


async def test_pagerduty_like_sink_is_never_folded(outbox: SqliteOutbox, run: Any) -> None:
    srv = await server()
    try:
        for i in range(25):
            await outbox.enqueue(make_alert(i), ["pd"], time.time())
        await run({"pd": JsonSink("pd", srv.url, kind="pagerduty")})
        await wait_for(lambda: len(srv.calls) == 25)
        assert len(set(srv.ids())) == 25
    finally:
        await srv.close()


async def test_egress_guard_redacts_what_the_formatter_let_through(
    outbox: SqliteOutbox, run: Any
) -> None:
    class LeakySink(JsonSink):
        def format(self, alert: Any) -> dict[str, Any]:
            return {**super().format(alert), "text": "call back jane.doe@example.com"}

    srv = await server()
    try:
        before = counter(metrics.PHI_REDACTIONS, kind="EMAIL", stage="egress")
        await outbox.enqueue(make_alert(), ["leak"], time.time())
        await run({"leak": LeakySink("leak", srv.url)})
        await wait_for(lambda: len(srv.calls) == 1)
        body = srv.calls[0][1]
        assert "jane.doe@example.com" not in body["text"] and "[REDACTED:EMAIL]" in body["text"]
        assert counter(metrics.PHI_REDACTIONS, kind="EMAIL", stage="egress") == before + 1
    finally:
        await srv.close()


async def test_wake_beats_the_poll_interval(outbox: SqliteOutbox, run: Any) -> None:
    srv = await server()
    try:
        d = await run({"rw": JsonSink("rw", srv.url)}, replace(FAST, poll_interval=30))
        await asyncio.sleep(0.1)  # the worker is now idle, sleeping for 30 s
        started = time.monotonic()
        await outbox.enqueue(make_alert(), ["rw"], time.time())
        d.wake("rw")
        await wait_for(lambda: len(srv.calls) == 1, timeout=5)
        assert time.monotonic() - started < 1.0
    finally:
        await srv.close()


async def test_stop_lets_in_flight_send_finish_and_leaves_the_rest(
    outbox: SqliteOutbox, run: Any
) -> None:
    async def slow(_body: dict[str, Any], _n: int) -> web.StreamResponse:
        await asyncio.sleep(0.2)
        return web.json_response({})

    srv = await server(slow)
    try:
        for i in range(5):
            await outbox.enqueue(make_alert(i), ["rs"], time.time())
        d = await run({"rs": JsonSink("rs", srv.url, kind="pagerduty")},
                      replace(FAST, request_timeout=2))
        await asyncio.sleep(0.1)  # first send is in flight
        await d.stop(grace=2)
        assert len(srv.calls) == 1
        stats = {s.receiver: s for s in await outbox.stats(time.time())}
        assert stats["rs"].delivered == 1 and stats["rs"].pending == 4
    finally:
        await srv.close()


async def test_poisoned_row_does_not_starve_the_receiver(outbox: SqliteOutbox, run: Any) -> None:
    poison = make_alert(0, title="poison")

    async def handler(body: dict[str, Any], _n: int) -> web.StreamResponse:
        return web.json_response({}, status=500 if body["alert_id"] == poison.id else 200)

    srv = await server(handler)
    try:
        await outbox.enqueue(poison, ["hol"], time.time())
        others = [make_alert(i) for i in range(1, 6)]
        for a in others:
            await outbox.enqueue(a, ["hol"], time.time())
        # breaker off the table: the question is ordering, not outage handling
        await run({"hol": JsonSink("hol", srv.url)}, replace(FAST, breaker_threshold=1000))
        await wait_for(lambda: set(srv.ids()) == {a.id for a in others})
        assert srv.ids() == [a.id for a in others]  # the rest kept their order
    finally:
        await srv.close()


async def test_resolve_never_overtakes_its_failing_trigger(
    outbox: SqliteOutbox, run: Any
) -> None:
    trigger = make_alert(1, fingerprint="same", title="trigger")
    resolve = make_alert(2, fingerprint="same", title="resolve")
    other = make_alert(3, fingerprint="other")
    failures = [503, 503]

    async def handler(body: dict[str, Any], _n: int) -> web.StreamResponse:
        if body["alert_id"] == trigger.id and failures:
            return web.json_response({}, status=failures.pop())
        return web.json_response({})

    srv = await server(handler)
    try:
        for a in (trigger, resolve, other):
            await outbox.enqueue(a, ["ord"], time.time())
        await run({"ord": JsonSink("ord", srv.url, kind="pagerduty")},
                  replace(FAST, backoff_base=0.2, backoff_cap=0.4))
        await wait_for(lambda: len(srv.ids()) == 3)
        assert srv.statuses() == [503, 200, 503, 200, 200]
        # the unrelated alert went ahead while the trigger backed off; the resolve waited
        assert srv.ids() == [other.id, trigger.id, resolve.id]
    finally:
        await srv.close()
