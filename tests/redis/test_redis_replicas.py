"""Two whole Relay replicas on one Redis act as one: HTTP in, a loopback Slack out.

The real app (settings → build_runtime → create_app) runs twice in this process with
RELAY_REDIS_URL pointing at a redis-server this test owns, so it can kill and restart it.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, cast

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from redis_harness import RedisServer

from relay.app import create_app
from relay.config import default_routing, load_settings
from relay.outbox.redis import RedisOutbox
from relay.runtime import build_runtime

pytestmark = pytest.mark.redis

TOKEN = "svc-token-0123456789abcdef0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class FakeSlack:
    """A loopback incoming webhook that records every message body it accepts."""

    def __init__(self) -> None:
        self.bodies: list[str] = []
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def _hook(self, request: web.Request) -> web.Response:
        self.bodies.append(json.dumps(await request.json()))
        return web.Response(text="ok")

    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_post("/hook", self._hook)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}/hook"
        return self

    def count(self, title: str) -> int:
        return sum(title in body for body in self.bodies)


async def until(predicate: Callable[[], bool], seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.02)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[tuple[RedisServer, FakeSlack,
                                                       list[TestClient[Any, Any]]]]:
    server = RedisServer(tmp_path / "redis", appendonly=True).start()
    slack = await FakeSlack().start()
    env = {
        "RELAY_REDIS_URL": server.url, "RELAY_REDIS_PREFIX": "relay-e2e:",
        "SLACK_WEBHOOK_URL": slack.url, "RELAY_API_TOKENS": f"billing:{TOKEN}",
        "RELAY_HASH_KEY": "hash-key-0123456789abcdef0123456789",
        "SENTRY_WEBHOOK_SECRET": "sentry-secret-0123456789abcdef0123",
        "RELAY_SLACK_RATE_PER_SECOND": "50", "RELAY_DATA_DIR": str(tmp_path / "var"),
    }
    settings = load_settings(env)
    clients = []
    for name in ("replica-a", "replica-b"):
        runtime = await build_runtime(settings, default_routing(settings))
        cast(RedisOutbox, runtime.outbox).consumer = name
        client: TestClient[Any, Any] = TestClient(TestServer(create_app(runtime)))
        await client.start_server()
        clients.append(client)
    try:
        yield server, slack, clients
    finally:
        for client in clients:
            await client.close()
        if slack.runner is not None:
            await slack.runner.cleanup()
        server.kill()


def alert(title: str) -> dict[str, str]:
    return {"title": title, "severity": "warning", "service": "billing"}


async def test_two_replicas_share_dedup_delivery_and_survive_a_redis_restart(
    world: tuple[RedisServer, FakeSlack, list[TestClient[Any, Any]]],
) -> None:
    server, slack, (a, b) = world

    # the same alert reaching both replicas at once pages once
    same = await asyncio.gather(a.post("/api/alerts", json=alert("Disk full on db-7"),
                                       headers=AUTH),
                                b.post("/api/alerts", json=alert("Disk full on db-7"),
                                       headers=AUTH))
    assert sorted([(await r.json())["status"] for r in same]) == ["accepted", "duplicate"]

    # distinct alerts spread over both replicas are each delivered exactly once
    titles = [f"Queue lag high on shard {chr(97 + i)}" for i in range(10)]
    for i, title in enumerate(titles):
        resp = await (a if i % 2 else b).post("/api/alerts", json=alert(title), headers=AUTH)
        assert resp.status == 202
    await until(lambda: all(slack.count(t) for t in [*titles, "Disk full on db-7"]))
    await asyncio.sleep(0.3)  # time for any double delivery to show up
    assert all(slack.count(t) == 1 for t in [*titles, "Disk full on db-7"])

    # Redis gone: 503 with Retry-After (never a 500), not ready; nothing hangs
    server.kill()
    started = time.monotonic()
    resp = await a.post("/api/alerts", json=alert("Payment webhook failing"), headers=AUTH)
    assert resp.status == 503 and resp.headers.get("Retry-After")
    assert time.monotonic() - started < 1.0
    assert (await b.get("/readyz")).status == 503

    # Redis back (same data): both replicas resume on their own
    server.start()
    resp = await b.post("/api/alerts", json=alert("Payment webhook failing"), headers=AUTH)
    assert resp.status == 202
    assert (await a.get("/readyz")).status == 200
    await until(lambda: slack.count("Payment webhook failing") == 1)
