"""A receiver removed from the routing file while it has a backlog: its rows become dead
letters (`receiver_removed`) at reload and at start-up, never deleted, and `relay outbox
replay` sends them once the receiver is back. SQLite outbox, real port, strict fakes, the
real `relay` command."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path

from relay import metrics
from relay.outbox.base import ReceiverStats
from tests.e2e.harness import RunningRelay, env_for, eventually, start_relay
from tests.fakes import FakePagerDuty, FakeSlack

ROOT = Path(__file__).resolve().parents[2]
OPS = '  ops: {type: slack, webhook_url: "${SLACK_WEBHOOK_URL}"}\n'


def routing(audit_url: str | None) -> str:
    receivers = OPS + (f'  audit: {{type: slack, webhook_url: "{audit_url}"}}\n'
                       if audit_url else "")
    targets = "[ops, audit]" if audit_url else "[ops]"
    return (f"receivers:\n{receivers}routes:\n  - match: {{severity: [critical, warning]}}\n"
            f"    receivers: {targets}\n")


def cli(env: Mapping[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "relay", *args], env={**os.environ, **env},
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)


async def audit_stats(relay: RunningRelay) -> ReceiverStats:
    stats = {s.receiver: s for s in await relay.runtime.outbox.stats(relay.runtime.clock())}
    return stats["audit"]


def orphaned(receiver: str) -> float:
    return float(metrics.ORPHANED.labels(receiver=receiver)._value.get())


async def test_reload_moves_a_removed_receivers_backlog_to_the_dead_letters_and_replay_sends_it(
    tmp_path: Path, fakes: tuple[FakeSlack, FakePagerDuty],
    make_fake_slack: Callable[..., Awaitable[FakeSlack]],
) -> None:
    ops, _ = fakes
    down = await make_fake_slack(rate=None)
    down.fail_next(100_000, status=503)  # the audit channel is down: its rows back up
    path = tmp_path / "routing.yaml"
    path.write_text(routing(down.webhook_url))
    env = env_for(tmp_path, ops, None, RELAY_ROUTING_FILE=str(path),
                  RELAY_SLACK_RATE_PER_SECOND="200")
    before = orphaned("audit")

    relay = await start_relay(env)
    try:
        for i in range(3):
            status, _ = await relay.post("/api/alerts", {
                "title": f"Intake queue backlog {i}", "severity": "warning",
                "service": "intake", "dedup_key": f"k{i}"})
            assert status == 202
        await eventually(lambda: len(ops.received) == 3 and len(down.injected) >= 3)
        backlog = await audit_stats(relay)
        assert (backlog.pending, backlog.dead) == (3, 0)

        path.write_text(routing(None))
        status, _ = await relay.post("/-/reload", b"")
        assert status == 200
        after = await audit_stats(relay)
        assert (after.pending, after.dead, after.oldest_age) == (0, 3, None)
        dead = await relay.runtime.outbox.list(dead=True, limit=10)
        assert sorted(d.alert.title for d in dead) == [
            f"Intake queue backlog {i}" for i in range(3)]
        assert {(d.receiver, d.last_error) for d in dead} == {("audit", "receiver_removed")}
        assert '"event": "delivery.receiver_removed"' in relay.logs.getvalue()
        assert orphaned("audit") == before + 3
        status, text = await relay.get("/metrics")
        assert status == 200 and 'relay_deliveries_orphaned_total{receiver="audit"}' in text
        # ops is untouched, and a second reload finds nothing more to move
        assert (await relay.post("/-/reload", b""))[0] == 200
        assert orphaned("audit") == before + 3
    finally:
        await relay.stop()

    # A replay while the receiver is still gone: the next start moves the rows back.
    out = cli(env, "outbox", "replay", "--receiver", "audit")
    assert out.returncode == 0, out.stderr
    assert "replayed 3 dead letter(s)" in out.stdout
    assert "not in the routing file" in out.stderr
    relay = await start_relay(env)
    try:
        again = await audit_stats(relay)
        assert (again.pending, again.dead) == (0, 3)
        assert orphaned("audit") == before + 6
    finally:
        await relay.stop()

    # The receiver is back (at a new address): replay, restart, and every row arrives.
    back = await make_fake_slack(rate=None)
    path.write_text(routing(back.webhook_url))
    out = cli(env, "outbox", "replay", "--receiver", "audit")
    assert out.returncode == 0 and "replayed 3 dead letter(s)" in out.stdout, out.stderr
    assert "not in the routing file" not in out.stderr
    relay = await start_relay(env)
    try:
        await eventually(lambda: len(back.received) == 3)
        assert back.rejected == []
        titles = sorted(m["attachments"][0]["blocks"][0]["text"]["text"] for m in back.received)
        assert all("Intake queue backlog" in t for t in titles)
        for _ in range(500):  # the fake answers before the worker records the outcome
            done = await audit_stats(relay)
            if done.delivered == 3:
                break
            await asyncio.sleep(0.02)
        assert (done.pending, done.dead, done.delivered) == (0, 0, 3)
        assert len(ops.received) == 3  # nothing was sent twice to the receiver that stayed
    finally:
        await relay.stop()
