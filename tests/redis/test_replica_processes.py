"""Many replicas behave as one relay: real `relay serve` processes sharing one Redis.

Every test runs two `python -m relay serve` subprocesses on free loopback ports (see
replica_harness.py), configured only by environment, with the strict Slack and PagerDuty
fakes in this process. Each test has its own key prefix on the shared Redis (deleted
afterwards), or its own redis-server when it stops Redis. Every wait is bounded.
"""

# pytest fixtures are imported from redis_harness, so parameters re-bind their names
# ruff: noqa: F811

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import redis
from redis_harness import RedisServer, free_port, prefix, url  # noqa: F401  (fixtures)
from replica_harness import (
    AUTH,
    ROOT,
    Answer,
    Replica,
    Replicas,
    accounted,
    alert,
    eventually,
    post,
    relay_env,
    status_of,
    titles_seen,
)

from relay.fakes import FakePagerDuty, FakeSlack

pytestmark = pytest.mark.redis

Fake = FakeSlack | FakePagerDuty


@pytest.fixture
async def fakes() -> AsyncIterator[Callable[[Fake], Awaitable[Any]]]:
    """Start a fake for the test; every one is closed afterwards (hung handlers released)."""
    started: list[Fake] = []

    async def start(fake: Fake) -> Any:
        await fake.start()
        started.append(fake)
        return fake

    yield start
    for fake in started:
        await fake.close()


@pytest.fixture
def replicas(tmp_path: Path) -> Iterator[Replicas]:
    """The test's `relay serve` processes, stopped (SIGTERM, then SIGKILL) afterwards."""
    group = Replicas(tmp_path)
    yield group
    group.close()


def delivered_by(replica: Replica) -> int:
    """Messages this replica's log says it delivered (one per row, one per digest)."""
    return len(replica.events("delivery.ok")) + len(replica.events("delivery.digest"))


def redis_client(redis_url: str) -> redis.Redis:
    return redis.Redis.from_url(redis_url, socket_timeout=2, decode_responses=True)


@pytest.mark.slow
async def test_the_same_critical_alerts_posted_to_both_replicas_page_once_each(
    tmp_path: Path, url: str, prefix: str, fakes: Callable[[Fake], Awaitable[Any]],
    replicas: Replicas,
) -> None:
    slack: FakeSlack = await fakes(FakeSlack(rate=None))
    pd: FakePagerDuty = await fakes(FakePagerDuty(rate_per_minute=None))
    env = relay_env(tmp_path, url, prefix, slack, pd, RELAY_SLACK_RATE_PER_SECOND="200",
                    RELAY_PAGERDUTY_RATE_PER_MINUTE="12000", RELAY_DIGEST_THRESHOLD="1000")
    a, b = await replicas.start(env, "a", "b")

    bodies = [alert(f"Primary database {i} unreachable", "critical", dedup_key=f"db-{i}")
              for i in range(30)]
    async with aiohttp.ClientSession() as session:
        # each alert reaches both replicas at the same moment, all 60 requests at once
        answers = await asyncio.gather(*(post(session, r, body)
                                         for body in bodies for r in (a, b)))
    assert all(x.status == 202 for x in answers), [x.status for x in answers]
    for i in range(30):
        pair = sorted(x.body["status"] for x in answers[2 * i:2 * i + 2])
        assert pair == ["accepted", "duplicate"], (i, pair)

    await eventually(lambda: len(pd.received) >= 30 and len(slack.received) >= 30, 20,
                     "30 PagerDuty triggers and 30 Slack messages")
    await asyncio.sleep(1.0)  # room for any second delivery to show up
    triggers = [e for e in pd.received if e["event_action"] == "trigger"]
    assert len(triggers) == 30 and len(pd.received) == 30
    assert len(pd.incidents) == 30 and len(pd.open_incidents()) == 30
    assert all(i.events == 1 for i in pd.incidents.values())
    assert len(slack.received) == 30
    assert titles_seen(slack.received, [b["title"] for b in bodies]) == {
        b["title"] for b in bodies}
    # the replicas' own logs agree: 60 deliveries between them, none twice
    assert delivered_by(a) + delivered_by(b) == 60
    assert slack.rate_limited == 0 and pd.rate_limited == 0



@pytest.mark.slow
async def test_a_trigger_silenced_via_one_replica_keeps_its_resolve_quiet_on_the_other(
    tmp_path: Path, url: str, prefix: str, fakes: Callable[[Fake], Awaitable[Any]],
    replicas: Replicas,
) -> None:
    slack: FakeSlack = await fakes(FakeSlack(rate=None))
    pd: FakePagerDuty = await fakes(FakePagerDuty(rate_per_minute=None))
    env = relay_env(tmp_path, url, prefix, slack, pd, RELAY_SLACK_RATE_PER_SECOND="200",
                    RELAY_PAGERDUTY_RATE_PER_MINUTE="12000")
    a, b = await replicas.start(env, "a", "b")
    silence = {"matchers": {"service": "intake"}, "duration": "1h", "author": "on-call",
               "comment": "planned migration"}
    muted = alert("Intake queue backlog", "critical", service="intake", dedup_key="intake-1")
    control = alert("Scheduler stalled", "critical", dedup_key="sched-1")
    async with aiohttp.ClientSession() as session:
        async with session.post(a.url + "/api/silences", json=silence, headers=AUTH) as resp:
            assert resp.status == 201
        trigger = await post(session, a, muted)
        resolve = await post(session, b, {**muted, "action": "resolve"})
        assert [trigger.body["status"], resolve.body["status"]] == ["suppressed"] * 2
        # the control goes out through A and its all-clear through B
        sent = await post(session, a, control)
        cleared = await post(session, b, {**control, "action": "resolve"})
        assert [sent.body["status"], cleared.body["status"]] == ["accepted"] * 2

    await eventually(lambda: len(pd.received) >= 2 and len(slack.received) >= 2, 20,
                     "the control's trigger and resolve at PagerDuty and Slack")
    await asyncio.sleep(1.0)  # room for any leaked all-clear to show up
    key = sent.body["dedup_key"]
    assert [(e["event_action"], e["dedup_key"]) for e in pd.received] == [
        ("trigger", key), ("resolve", key)]
    assert len(slack.received) == 2 and titles_seen(slack.received, ["Intake"]) == set()
    assert [e["reason"] for e in b.events("alert.suppressed")] == ["silenced"]  # B held it


def leases_by_consumer(client: redis.Redis, prefix: str, receiver: str) -> dict[str, list[str]]:
    """Delivery ids under a live lease, by the consumer (replica) holding them."""
    held: dict[str, list[str]] = {}
    records: dict[str, str] = client.hgetall(f"{prefix}meta:{receiver}")  # type: ignore[assignment]
    for did, raw in records.items():
        rec = json.loads(raw)
        if rec.get("l") == 1 and rec.get("o"):
            held.setdefault(rec["o"], []).append(did)
    return held


@pytest.mark.slow
async def test_a_replica_killed_mid_backlog_leaves_nothing_undelivered(
    tmp_path: Path, url: str, prefix: str, fakes: Callable[[Fake], Awaitable[Any]],
    replicas: Replicas,
) -> None:
    slack: FakeSlack = await fakes(FakeSlack(rate=None))
    # Slack pushes back at first: both replicas get a 429 with Retry-After and pause, so the
    # whole backlog is in Redis before anyone sends again. The next two sends hang; one of
    # them is the digest of the backlog, so the replica that sent it holds most of the
    # backlog's leases when it is killed.
    slack.fail_next(2, status=429, retry_after=2)
    slack.hang_next(2, seconds=60)
    env = relay_env(tmp_path, url, prefix, slack, None, RELAY_LEASE_SECONDS="3",
                    RELAY_REQUEST_TIMEOUT_SECONDS="1", RELAY_SLACK_RATE_PER_SECOND="100")
    a, b = await replicas.start(env, "a", "b")
    receiver = "slack-warning"

    bodies = [alert(f"Nightly export {i} failed", dedup_key=f"export-{i}") for i in range(40)]
    async with aiohttp.ClientSession() as session:
        answers = await asyncio.gather(post(session, a, bodies[:20]),
                                       post(session, b, bodies[20:]))
    assert [x.status for x in answers] == [202, 202]

    def digest_hanging() -> bool:  # requests 3 and 4 are the hung ones (after two 429s)
        return any(b"alerts folded" in r.body for r in slack.requests[2:4])

    await eventually(digest_hanging, 15, "a digest of the backlog hanging at Slack")
    client = redis_client(url)
    try:
        held = leases_by_consumer(client, prefix, receiver)
        holder = max((a, b), key=lambda r: len(held.get(r.consumer, [])))
        survivor = b if holder is a else a
        backlog = held[holder.consumer]
        # the digest holds much of the backlog on its leases (how much depends on timing)
        assert len(backlog) >= 10, held
        assert slack.received == []
        holder.kill()
        killed_at = time.monotonic()
        await eventually(lambda: accounted(slack.received) >= 40, 20,
                         "all 40 alerts on Slack (singly or folded)")
        took = time.monotonic() - killed_at
        await asyncio.sleep(0.5)
        assert accounted(slack.received) == 40  # every alert exactly once
        # the dead consumer's entries were taken over and finished by the survivor
        done: set[str] = set(client.zrange(f"{prefix}done:{receiver}", 0, -1))  # type: ignore[arg-type]
        assert set(backlog) <= done
        assert client.xlen(f"{prefix}outbox:{receiver}") == 0
        assert client.hlen(f"{prefix}meta:{receiver}") == 0
        assert client.hlen(f"{prefix}deadidx:{receiver}") == 0
    finally:
        client.close()
    assert delivered_by(survivor) >= 1
    assert took < 15, took
    assert slack.rate_limited == 0


@pytest.mark.slow
async def test_a_storm_split_across_replicas_keeps_one_global_pace(
    tmp_path: Path, url: str, prefix: str, fakes: Callable[[Fake], Awaitable[Any]],
    replicas: Replicas,
) -> None:
    slack: FakeSlack = await fakes(FakeSlack(rate=1.0, burst=3))  # Slack's own limit
    env = relay_env(tmp_path, url, prefix, slack, None)  # default pacing: 1/s, burst 2
    a, b = await replicas.start(env, "a", "b")

    bodies = [alert(f"Eligibility check {i} failed", dedup_key=f"storm-{i}")
              for i in range(600)]
    async with aiohttp.ClientSession() as session:
        # twelve waves over ~6 s, each 25 alerts to each replica at the same moment: both
        # replicas have a backlog the whole time and compete for the same webhook
        for start in range(0, 600, 50):
            wave = await asyncio.gather(post(session, a, bodies[start:start + 25]),
                                        post(session, b, bodies[start + 25:start + 50]))
            assert [x.status for x in wave] == [202, 202]
            await asyncio.sleep(0.5)

    await eventually(lambda: accounted(slack.received) >= 600, 45,
                     "600 alerts on Slack, singly or inside digests")
    await asyncio.sleep(0.5)
    assert accounted(slack.received) == 600
    assert slack.rate_limited == 0
    assert len(slack.received) < 40  # a storm is folded, not queued as a flood
    # every accepted message was sent by one of the two replicas, as they logged it
    assert delivered_by(a) + delivered_by(b) == len(slack.received)


@pytest.mark.slow
async def test_redis_stopped_and_restarted_answers_503_then_delivers_every_202(
    tmp_path: Path, fakes: Callable[[Fake], Awaitable[Any]], replicas: Replicas,
) -> None:
    server = RedisServer(tmp_path / "redis", appendonly=True).start()  # private, AOF always
    try:
        slack: FakeSlack = await fakes(FakeSlack(rate=None))
        # A row in flight when Redis died cannot be handed back (retry_later fails too): it
        # stays leased and is taken again when its lease runs out, so keep leases short.
        env = relay_env(tmp_path, server.url, "relay-outage:", slack, None,
                        RELAY_SLACK_RATE_PER_SECOND="10", RELAY_DIGEST_THRESHOLD="1000",
                        RELAY_LEASE_SECONDS="3")
        a, b = await replicas.start(env, "a", "b")

        answers: list[tuple[str, Answer]] = []
        stop = asyncio.Event()

        async def poster(session: aiohttp.ClientSession) -> None:
            i = 0
            deadline = time.monotonic() + 20
            while not stop.is_set() and time.monotonic() < deadline:
                title = f"Claims batch {i} stalled"
                answer = await post(session, (a, b)[i % 2],
                                    alert(title, dedup_key=f"claims-{i}"))
                answers.append((title, answer))
                i += 1
                await asyncio.sleep(0.02)

        def statuses() -> list[int]:
            return [x.status for _, x in answers]

        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
            task = asyncio.create_task(poster(session))
            await eventually(lambda: statuses().count(202) >= 20, 10, "20 alerts accepted")

            server.kill()
            down_from = len(answers)
            # accepted faster than delivered: a backlog sits in Redis as it dies
            assert len(slack.received) < statuses().count(202)
            await eventually(lambda: 503 in statuses()[down_from:], 5, "a 503 while down")
            # while Redis is down: ingest refuses with Retry-After, neither replica is ready
            direct = await post(session, a, alert("Probe while down", dedup_key="probe"))
            assert direct.status == 503 and int(direct.headers["Retry-After"]) > 0
            assert await status_of(session, a, "/readyz") == 503
            assert await status_of(session, b, "/readyz") == 503
            await asyncio.sleep(1.0)

            server.start()
            up_from = len(answers)
            await eventually(lambda: statuses()[up_from:].count(202) >= 20, 15,
                             "20 alerts accepted after Redis returned")
            stop.set()
            await task
            assert await status_of(session, a, "/readyz") == 200
            assert await status_of(session, b, "/readyz") == 200

        assert set(statuses()) <= {202, 503}  # never a 500, never a hang
        refused = [x for _, x in answers if x.status == 503]
        assert refused and all(int(x.headers["Retry-After"]) > 0 for x in refused)
        accepted = [t for t, x in answers if x.status == 202]
        await eventually(
            lambda: titles_seen(slack.received, accepted) == set(accepted), 30,
            f"all {len(accepted)} accepted alerts on Slack")
        assert slack.rate_limited == 0
    finally:
        server.kill()


async def test_serve_exits_2_naming_the_redis_host_but_never_its_password(
    tmp_path: Path,
) -> None:
    port = free_port()  # nothing listens here
    secret = "Sup3r-Secret-Redis-Pw"
    env = relay_env(tmp_path, f"redis://relay:{secret}@127.0.0.1:{port}/0", "relay-x:",
                    None, None, RELAY_DATA_DIR=str(tmp_path / "data"),
                    RELAY_PORT=str(free_port()))
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "relay", "serve"], env={**os.environ, **env},
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert f"127.0.0.1:{port}" in output and "RELAY_REDIS_URL" in output
    assert secret not in output
    assert "Traceback" not in output
    assert time.monotonic() - started < 30
