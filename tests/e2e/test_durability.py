"""Nothing lost: the real `relay serve` process killed and restarted, SIGTERM, a storm,
dead letters replayed by the CLI, and a 503 when the outbox cannot keep an alert."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import aiohttp
import pytest

from relay.fakes import FakePagerDuty, FakeSlack
from relay.outbox.base import OutboxUnavailable
from tests.e2e.harness import TOKEN, RunningRelay, env_for, eventually, start_relay

Fakes = tuple[FakeSlack, FakePagerDuty]
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def serve(env: Mapping[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    full = {**os.environ, **env, "RELAY_PORT": str(port), "LOG_LEVEL": "INFO"}
    return subprocess.Popen([sys.executable, "-m", "relay", "serve"], env=full, cwd=ROOT,
                            stdout=log.open("ab"), stderr=subprocess.STDOUT)


async def wait_ready(port: int, proc: subprocess.Popen[bytes], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            assert proc.poll() is None, "relay exited during start-up"
            try:
                async with session.get(f"http://127.0.0.1:{port}/readyz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError("relay did not become ready")


async def post_alerts(port: int, bodies: list[dict[str, object]]) -> list[str]:
    ids = []
    async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {TOKEN}"}) as session:
        for body in bodies:
            async with session.post(f"http://127.0.0.1:{port}/api/alerts", json=body) as resp:
                assert resp.status == 202
                ids.append((await resp.json())["id"])
    return ids


def alert(i: int, severity: str = "warning") -> dict[str, object]:
    return {"title": f"Nightly job {i} failed", "severity": severity, "service": "jobs",
            "dedup_key": f"job-{i}"}


@pytest.mark.slow
async def test_sigkill_mid_backlog_then_restart_delivers_every_accepted_alert(
    tmp_path: Path,
) -> None:
    slack = FakeSlack(rate=None)
    pd = FakePagerDuty(rate_per_minute=None)
    await slack.start()
    await pd.start()
    try:
        slack.hang_next(1000, seconds=30)  # the receiver is unreachable: a backlog builds
        env = env_for(tmp_path, slack, pd, RELAY_SLACK_RATE_PER_SECOND="100",
                      RELAY_REQUEST_TIMEOUT_SECONDS="0.5", RELAY_DIGEST_THRESHOLD="1000")
        port = free_port()
        proc = serve(env, port, tmp_path / "relay.log")
        await wait_ready(port, proc)
        await post_alerts(port, [alert(i, "critical" if i % 5 == 0 else "warning")
                                 for i in range(40)])
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        assert len(slack.received) == 0
        await slack.close()
        slack = FakeSlack(rate=None)  # the receiver is back (at a new address)
        await slack.start()
        env = env_for(tmp_path, slack, pd, RELAY_SLACK_RATE_PER_SECOND="100",
                      RELAY_DIGEST_THRESHOLD="1000")
        proc = serve(env, port, tmp_path / "relay.log")
        try:
            await wait_ready(port, proc)
            await eventually(lambda: len(slack.received) >= 40, seconds=30)
            titles = {m["text"] for m in slack.received}
            assert all(any(f"Nightly job {i} failed" in t for t in titles) for i in range(40))
            await eventually(lambda: len(pd.received) >= 8, seconds=10)
        finally:
            proc.terminate()
            proc.wait(15)
    finally:
        await slack.close()
        await pd.close()


@pytest.mark.slow
async def test_sigterm_stops_intake_finishes_in_flight_and_keeps_the_rest(
    tmp_path: Path
) -> None:
    slack = FakeSlack(rate=1.0, burst=3)
    await slack.start()
    try:
        env = env_for(tmp_path, slack, None, RELAY_SLACK_RATE_PER_SECOND="1",
                      RELAY_DIGEST_THRESHOLD="1000", RELAY_SHUTDOWN_GRACE_SECONDS="2")
        port = free_port()
        log = tmp_path / "relay.log"
        proc = serve(env, port, log)
        await wait_ready(port, proc)
        await post_alerts(port, [alert(i) for i in range(10)])
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
        sent = len(slack.received)
        assert sent < 10
        assert slack.rate_limited == 0
        text = log.read_text()
        assert "relay.stopped" in text and "Traceback" not in text
        proc = serve(env, port, log)  # the rest was kept on disk
        try:
            await wait_ready(port, proc)
            await eventually(lambda: len(slack.received) == 10, seconds=30)
        finally:
            proc.terminate()
            proc.wait(15)
    finally:
        await slack.close()


@pytest.mark.slow
async def test_a_storm_of_2000_warnings_becomes_a_few_digests_without_429s(
    tmp_path: Path
) -> None:
    slack = FakeSlack(rate=1.0, burst=3)
    pd = FakePagerDuty()
    await slack.start()
    await pd.start()
    relay = await start_relay(env_for(tmp_path, slack, pd))
    try:
        bodies = [{"title": f"Eligibility check {i} failed", "severity": "warning",
                   "service": f"svc-{i % 7}", "dedup_key": f"storm-{i}"} for i in range(2000)]
        bodies += [alert(10_000 + i, "critical") for i in range(30)]
        for start in range(0, len(bodies), 100):
            status, _ = await relay.post("/api/alerts", bodies[start:start + 100])
            assert status == 202
        await eventually(lambda: len(pd.received) == 30, seconds=30)

        def accounted() -> int:
            total = 0
            for m in slack.received:
                text = json.dumps(m)
                if "folded" in text:
                    total += int(re.search(r"(\d+) alerts folded", text).group(1))  # type: ignore[union-attr]
                else:
                    total += 1
            return total

        # every alert on Slack is accounted for, one by one or inside a digest
        await eventually(lambda: accounted() == 2030, seconds=60)
        assert slack.rate_limited == 0 and pd.rate_limited == 0
        assert len(slack.received) < 60
    finally:
        await relay.stop()
        await slack.close()
        await pd.close()


async def test_dead_letters_are_replayed_by_the_cli(tmp_path: Path) -> None:
    slack = FakeSlack(rate=None)
    await slack.start()
    env = env_for(tmp_path, slack, None, RELAY_SLACK_RATE_PER_SECOND="100")
    try:
        relay = await start_relay(env)
        slack.fail_next(2, status=404, body="no_service")
        await relay.post("/api/alerts", [alert(1), alert(2)])
        await eventually(lambda: len(slack.injected) == 2)
        await relay.stop()

        def cli(*args: str) -> str:
            out = subprocess.run([sys.executable, "-m", "relay", "outbox", *args],
                                 env={**os.environ, **env}, cwd=ROOT, capture_output=True,
                                 text=True, timeout=60, check=True)
            return out.stdout

        dead = [json.loads(line) for line in cli("list", "--dead").splitlines()]
        assert [d["last_error"] for d in dead] == ["no_service", "no_service"]
        assert json.loads(cli("stats"))["receivers"][0]["dead"] == 2
        assert "replayed 2" in cli("replay", "--all-dead")
        relay = await start_relay(env)
        try:
            await eventually(lambda: len(slack.received) == 2)
        finally:
            await relay.stop()
    finally:
        await slack.close()


async def test_an_outbox_that_cannot_write_answers_503_and_accepts_nothing(
    relay: RunningRelay, fakes: Fakes
) -> None:
    async def broken(*_: object, **__: object) -> None:
        raise OutboxUnavailable("disk full")

    relay.runtime.outbox.enqueue = broken  # type: ignore[method-assign]
    status, body = await relay.post("/api/alerts", alert(1))
    assert status == 503 and body["status"] == 503
    # the sender's retry must not be swallowed as a duplicate
    relay.runtime.outbox.enqueue = type(relay.runtime.outbox).enqueue.__get__(  # type: ignore[method-assign]
        relay.runtime.outbox)
    status, body = await relay.post("/api/alerts", alert(1))
    assert status == 202 and body["status"] == "accepted"
