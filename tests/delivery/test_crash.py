"""A Deliverer process killed with SIGKILL mid-backlog loses nothing: a restart on the same
database delivers every row (at least once)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from delivery_helpers import FakeReceiver, make_alert, wait_for

from relay.outbox.sqlite import SqliteOutbox

HERE = Path(__file__).parent


async def spawn(db: Path, url: str) -> asyncio.subprocess.Process:
    env = {**os.environ, "PYTHONPATH": str(HERE)}
    return await asyncio.create_subprocess_exec(
        sys.executable, str(HERE / "deliverer_child.py"), str(db), url, "40",
        env=env, stdout=asyncio.subprocess.DEVNULL,
    )


@pytest.mark.slow
async def test_sigkill_mid_backlog_then_restart_delivers_everything(tmp_path: Path) -> None:
    db = tmp_path / "o.db"
    box = SqliteOutbox(db)
    await box.open()
    alerts = [make_alert(i) for i in range(80)]
    for a in alerts:
        await box.enqueue(a, ["pd"], time.time())
    await box.close()

    srv = await FakeReceiver().start()
    try:
        child = await spawn(db, srv.url)
        await wait_for(lambda: len(srv.calls) >= 25, timeout=30)
        child.send_signal(signal.SIGKILL)
        assert await child.wait() == -signal.SIGKILL
        first_run = len(srv.calls)
        assert first_run < len(alerts)  # really killed mid-backlog

        child = await spawn(db, srv.url)
        assert await asyncio.wait_for(child.wait(), 60) == 0

        received = srv.ids()
        assert set(received) == {a.id for a in alerts}  # every row, at least once
        assert len(received) - len(alerts) <= 1  # at most the one in flight, twice
    finally:
        await srv.close()

    box = SqliteOutbox(db)
    await box.open()
    try:
        (st,) = await box.stats(time.time())
        assert (st.pending, st.delivered, st.dead) == (0, 80, 0)
    finally:
        await box.close()
