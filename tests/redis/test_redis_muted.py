"""Muted triggers shared on Redis: a trigger muted through one replica holds back its resolve
on every replica, exactly once, for at most the TTL; Redis down → 503, and the retried
resolve is still held back.

Two whole relays (settings → build_runtime → app on a real port, tests/e2e/harness.py) share
one key prefix on the real Redis, with the strict Slack and PagerDuty fakes behind them.
"""

# pytest fixtures are imported from redis_harness, so parameters re-bind their names
# ruff: noqa: F811

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import redis.asyncio as aredis
from redis_harness import (  # noqa: F401  (fixtures)
    RedisServer,
    client,
    client2,
    free_port,
    new_prefix,
    prefix,
    url,
)

from relay.mute import MUTED_MEMORY
from relay.redis_state import RedisMutedTriggers, RedisUnavailable, client_from_url
from tests.e2e.harness import RunningRelay, env_for, eventually, start_relay
from tests.fakes import FakePagerDuty, FakeSlack

pytestmark = pytest.mark.redis

T0 = 1_700_000_000.0
Fakes = tuple[FakeSlack, FakePagerDuty]
SILENCE = {"matchers": {"service": "intake"}, "duration": "1h", "author": "on-call",
           "comment": "planned migration"}


def direct(title: str, service: str, key: str, action: str = "trigger") -> dict[str, str]:
    return {"title": title, "severity": "critical", "service": service, "dedup_key": key,
            "action": action}


@pytest.fixture
async def fakes() -> AsyncIterator[Fakes]:
    slack, pd = FakeSlack(rate=None), FakePagerDuty(rate_per_minute=None)
    await slack.start()
    await pd.start()
    yield slack, pd
    await slack.close()
    await pd.close()


async def replica(tmp: Path, name: str, redis_url: str, prefix: str, fakes: Fakes
                  ) -> RunningRelay:
    slack, pd = fakes
    return await start_relay(env_for(tmp, slack, pd, RELAY_REDIS_URL=redis_url,
                                     RELAY_REDIS_PREFIX=prefix,
                                     RELAY_DATA_DIR=str(tmp / f"data-{name}"),
                                     RELAY_SLACK_RATE_PER_SECOND="200",
                                     RELAY_PAGERDUTY_RATE_PER_MINUTE="12000"))


async def test_a_trigger_muted_on_one_replica_holds_back_its_resolve_on_the_other(
    tmp_path: Path, url: str, prefix: str, fakes: Fakes, client: aredis.Redis,
) -> None:
    slack, pd = fakes
    a = await replica(tmp_path, "a", url, prefix, fakes)
    b = await replica(tmp_path, "b", url, prefix, fakes)
    try:
        assert (await a.post("/api/silences", SILENCE))[0] == 201
        status, body = await a.post("/api/alerts", direct("Intake queue backlog", "intake",
                                                          "q1"))
        assert (status, body["status"]) == (202, "suppressed")
        status, body = await b.post("/api/alerts", direct("Intake queue backlog", "intake",
                                                          "q1", "resolve"))
        assert (status, body["status"]) == (202, "suppressed")  # nobody saw the trigger

        # the control: a trigger that went out through A is resolved through B
        _, sent = await a.post("/api/alerts", direct("Billing export stalled", "billing",
                                                     "q2"))
        _, resolved = await b.post("/api/alerts", direct("Billing export stalled",
                                                         "billing", "q2", "resolve"))
        assert sent["status"] == resolved["status"] == "accepted"
        await eventually(lambda: len(pd.received) >= 2 and len(slack.received) >= 2)
        await asyncio.sleep(0.3)  # room for a stray delivery to show up
    finally:
        await a.stop()
        await b.stop()
    assert [(e["event_action"], e["dedup_key"]) for e in pd.received] == [
        ("trigger", sent["dedup_key"]), ("resolve", sent["dedup_key"])]
    assert pd.open_incidents() == []
    assert len(slack.received) == 2
    assert "Intake" not in json.dumps(slack.received)
    assert [k async for k in client.scan_iter(match=f"{prefix}muted:*")] == []  # consumed


async def test_of_two_replicas_popping_at_once_one_consumes(
    client: aredis.Redis, client2: aredis.Redis, prefix: str,
) -> None:
    a, b = RedisMutedTriggers(client, prefix), RedisMutedTriggers(client2, prefix)
    fps = [f"am:lag-{i}" for i in range(40)]
    await asyncio.gather(*(a.add(fp, "inhibited", T0) for fp in fps))
    got = await asyncio.gather(*(m.pop(fp, T0 + 1) for fp in fps for m in (a, b)))
    for i in range(len(fps)):
        assert sorted(got[2 * i:2 * i + 2], key=str) == [None, "inhibited"]


async def test_keys_expire_after_the_ttl_and_hold_the_reason_only(
    client: aredis.Redis, prefix: str,
) -> None:
    muted = RedisMutedTriggers(client, prefix)
    await muted.add("am:db-down-7f3a", "silenced", T0)
    key = muted.key("am:db-down-7f3a")
    assert [k async for k in client.scan_iter(match=f"{prefix}*")] == [key.encode()]
    assert "db-down-7f3a" not in key
    assert await client.get(key) == b"silenced"
    ttl_ms = MUTED_MEMORY * 1000
    assert ttl_ms - 60_000 < await client.pttl(key) <= ttl_ms
    await client.pexpire(key, 1000)
    await muted.add("am:db-down-7f3a", "inhibited", T0 + 1)  # a repeat refreshes the TTL
    assert ttl_ms - 60_000 < await client.pttl(key) <= ttl_ms
    await muted.discard("am:db-down-7f3a")
    assert await client.exists(key) == 0


async def test_redis_down_is_a_named_error() -> None:
    c = client_from_url(f"redis://127.0.0.1:{free_port()}/0")
    muted = RedisMutedTriggers(c, new_prefix())
    try:
        with pytest.raises(RedisUnavailable):
            await muted.add("am:lag", "silenced", T0)
        with pytest.raises(RedisUnavailable):
            await muted.pop("am:lag", T0)
        with pytest.raises(RedisUnavailable):
            await muted.discard("am:lag")
    finally:
        await c.aclose()


async def test_redis_down_answers_503_and_the_retried_resolve_is_still_held_back(
    tmp_path: Path, fakes: Fakes,
) -> None:
    """Neither guess is safe without Redis: "not muted" leaks an all-clear nobody needs,
    "muted" could swallow the resolve of a page that went out. 503 makes the sender retry."""
    slack, pd = fakes
    server = RedisServer(tmp_path / "redis", appendonly=True).start()
    relay = await replica(tmp_path, "a", server.url, "relay-muted:", fakes)
    try:
        assert (await relay.post("/api/silences", SILENCE))[0] == 201
        _, body = await relay.post("/api/alerts", direct("Intake queue backlog", "intake",
                                                         "q1"))
        assert body["status"] == "suppressed"
        server.kill()
        resolve = direct("Intake queue backlog", "intake", "q1", "resolve")
        status, problem = await relay.post("/api/alerts", resolve)
        assert status == 503 and problem["status"] == 503
        logged = [json.loads(line) for line in relay.logs.getvalue().splitlines()
                  if line.startswith("{")]
        assert any(e["event"] == "redis.unavailable" and e.get("store") == "muted"
                   and e.get("op") == "pop" for e in logged)
        server.start()  # the same data (append-only file)
        status, body = await relay.post("/api/alerts", resolve)
        assert (status, body["status"]) == (202, "suppressed")
        await asyncio.sleep(0.3)  # room for a stray delivery to show up
    finally:
        await relay.stop()
        server.kill()
    assert slack.received == [] and pd.received == []

