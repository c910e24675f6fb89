"""SQLite-only behaviour: group commit, failure modes, crash durability, one process."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import make_alert

from relay.outbox.base import OutboxUnavailable
from relay.outbox.sqlite import SqliteOutbox

T0 = 1_700_000_000.0
HERE = Path(__file__).parent


async def test_group_commit_batches_concurrent_enqueues(tmp_path: Path) -> None:
    box = SqliteOutbox(tmp_path / "o.db")
    await box.open()
    try:
        before = box.commits
        await asyncio.gather(*(box.enqueue(make_alert(i), ["r"], T0) for i in range(300)))
        commits = box.commits - before
        (st,) = await box.stats(T0)
        assert st.pending == 300
        # one transaction per burst, not per enqueue
        assert commits <= 30, commits
    finally:
        await box.close()


async def test_full_disk_raises_unavailable_and_reports_nothing(tmp_path: Path) -> None:
    box = SqliteOutbox(tmp_path / "o.db", max_size_bytes=64 * 1024)
    await box.open()
    try:
        big = "x" * 2000
        accepted = 0
        with pytest.raises(OutboxUnavailable):
            for i in range(200):
                await box.enqueue(make_alert(i, title=big), ["r"], T0)
                accepted += 1
        assert 0 < accepted < 200
        assert not await box.writable()
        (st,) = await box.stats(T0)
        assert st.pending == accepted  # exactly the rows that were acknowledged
    finally:
        await box.close()


async def test_locked_database_raises_unavailable_after_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "o.db"
    box = SqliteOutbox(path, busy_timeout=0.2)
    await box.open()
    intruder = sqlite3.connect(path, isolation_level=None)
    try:
        intruder.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with pytest.raises(OutboxUnavailable):
            await box.enqueue(make_alert(), ["r"], T0)
        assert time.monotonic() - started < 3
        intruder.execute("ROLLBACK")
        await box.enqueue(make_alert(), ["r"], T0)  # recovers once the lock is gone
        assert await box.writable()
    finally:
        intruder.close()
        await box.close()


async def test_second_process_cannot_open_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "o.db"
    box = SqliteOutbox(path)
    await box.open()
    try:
        code = (
            "import asyncio,sys\n"
            "from relay.outbox.sqlite import SqliteOutbox\n"
            "from relay.outbox.base import OutboxUnavailable\n"
            f"b = SqliteOutbox(__import__('pathlib').Path({str(path)!r}))\n"
            "try:\n    asyncio.run(b.open())\nexcept OutboxUnavailable:\n    sys.exit(7)\n"
        )
        proc = subprocess.run([sys.executable, "-c", code], timeout=60)
        assert proc.returncode == 7
    finally:
        await box.close()


async def test_open_frees_leases_of_a_dead_process(tmp_path: Path) -> None:
    """One process per file (flock), so any lease found at open is an orphan: due now."""
    box = SqliteOutbox(tmp_path / "o.db")
    await box.open()
    await box.enqueue(make_alert(), ["r"], T0)
    (leased,) = await box.lease("r", 1, 3600, T0)
    await box.close()
    box = SqliteOutbox(tmp_path / "o.db")
    await box.open()
    try:
        (again,) = await box.lease("r", 1, 30, T0 + 1)  # not an hour later
        assert again.id == leased.id
    finally:
        await box.close()


async def test_closed_outbox_refuses(tmp_path: Path) -> None:
    box = SqliteOutbox(tmp_path / "o.db")
    await box.open()
    await box.close()
    with pytest.raises(OutboxUnavailable):
        await box.enqueue(make_alert(), ["r"], T0)
    assert not await box.writable()


async def test_retention_prunes_old_delivered_rows_on_write(tmp_path: Path) -> None:
    box = SqliteOutbox(tmp_path / "o.db", retention_seconds=100, prune_interval=10)
    await box.open()
    try:
        await box.enqueue(make_alert(1), ["r"], T0)
        (d,) = await box.lease("r", 1, 30, T0)
        await box.delivered([d.id], T0 + 1)
        await box.enqueue(make_alert(2), ["r"], T0 + 50)
        (st,) = await box.stats(T0 + 50)
        assert st.delivered == 1
        await box.enqueue(make_alert(3), ["r"], T0 + 200)  # past retention: pruned
        (st,) = await box.stats(T0 + 200)
        assert st.delivered == 0 and st.pending == 2
    finally:
        await box.close()


@pytest.mark.slow
async def test_sigkill_after_enqueue_returned_keeps_rows(tmp_path: Path) -> None:
    path = tmp_path / "o.db"
    env = {**os.environ, "PYTHONPATH": str(HERE)}
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "enqueue_child.py"), str(path)],
        stdout=subprocess.PIPE, text=True, env=env,
    )
    acknowledged: list[str] = []
    assert proc.stdout is not None
    try:
        while len(acknowledged) < 150:
            line = proc.stdout.readline()
            assert line, "child died early"
            if line.startswith("ack "):  # other lines are the child's logs
                acknowledged.append(line.split()[1])
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    box = SqliteOutbox(path)  # the kernel released the dead child's lock
    await box.open()
    try:
        stored = {
            d.alert.id
            for r in ("a", "b")
            for d in await box.lease(r, 100_000, 30, time.time())
        }
        missing = set(acknowledged) - stored
        assert not missing
    finally:
        await box.close()
