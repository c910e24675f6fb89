"""The ingest limit on Redis: every replica spends from one bucket per caller, and a Redis
that cannot answer never turns the limit into a refusal (it fails open).

Two whole apps (settings → build_runtime → create_app) on real ports share the real Redis
under this test's own key prefix, so parallel runs never meet.
"""

# pytest fixtures are imported from redis_harness, so parameters re-bind their names
# ruff: noqa: F811

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aredis
from aiohttp.test_utils import TestClient, TestServer
from redis_harness import client, free_port, prefix, url  # noqa: F401  (fixtures)

from relay.app import create_app
from relay.config import default_routing, load_settings
from relay.ratelimit import IngestLimiter
from relay.redis_state import RedisPacer, client_from_url
from relay.runtime import build_runtime

pytestmark = pytest.mark.redis

TOKEN = "svc-token-0123456789abcdef0123456789"
OTHER = "other-token-0123456789abcdef012345"


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def alert(title: str) -> dict[str, str]:
    return {"title": title, "severity": "warning", "service": "billing"}


@pytest.fixture
async def replicas(tmp_path: Path, url: str, prefix: str
                   ) -> AsyncIterator[list[TestClient[Any, Any]]]:
    """Two replicas, 3 alerts at once per caller and then one every 100 s: a refusal here
    cannot be undone by the real clock while the test runs."""
    env = {
        "RELAY_REDIS_URL": url, "RELAY_REDIS_PREFIX": prefix,
        "RELAY_API_TOKENS": f"billing:{TOKEN},scheduler:{OTHER}",
        "RELAY_HASH_KEY": "hash-key-0123456789abcdef0123456789",
        "SENTRY_WEBHOOK_SECRET": "sentry-secret-0123456789abcdef0123",
        "RELAY_DATA_DIR": str(tmp_path / "var"),
        "RELAY_INGEST_RATE": "0.01", "RELAY_INGEST_BURST": "3",
    }
    settings = load_settings(env)
    clients: list[TestClient[Any, Any]] = []
    try:
        for _ in range(2):
            runtime = await build_runtime(settings, default_routing(settings))
            c: TestClient[Any, Any] = TestClient(TestServer(create_app(runtime)))
            await c.start_server()
            clients.append(c)
        yield clients
    finally:
        for c in clients:
            await c.close()


async def test_two_replicas_spend_from_one_bucket_per_caller(
    replicas: list[TestClient[Any, Any]], client: aredis.Redis, prefix: str
) -> None:
    a, b = replicas
    resp = await a.post("/api/alerts", json=[alert("Queue lag a"), alert("Queue lag b")],
                        headers=auth())
    assert resp.status == 202
    assert (await b.post("/api/alerts", json=alert("Queue lag c"), headers=auth())).status == 202
    # the burst of 3 is spent across both replicas: each now refuses the same caller
    for replica in (b, a):
        resp = await replica.post("/api/alerts", json=alert("Queue lag d"), headers=auth())
        assert resp.status == 429
        assert resp.headers["Content-Type"].startswith("application/problem+json")
        assert 95 <= int(resp.headers["Retry-After"]) <= 100  # one token at 0.01/s
        assert (await resp.json())["type"].endswith("/rate_limited")
    # another caller has its own bucket, on either replica
    assert (await a.post("/api/alerts", json=alert("Cron late"), headers=auth(OTHER))).status == 202
    # the shared state lives under this test's prefix only
    assert [k async for k in client.scan_iter(match=f"{prefix}pace:*")]


async def test_a_redis_that_cannot_answer_fails_open(prefix: str) -> None:
    """The outbox on the same Redis answers 503 then; the limit must not add a 429 or 500."""
    dead = client_from_url(f"redis://127.0.0.1:{free_port()}/0")
    limiter = IngestLimiter(RedisPacer(dead, prefix), rate=0.01, burst=1, clock=lambda: 0.0)
    try:
        for _ in range(3):
            await limiter.admit("service:billing", 1)
    finally:
        await dead.aclose()
