"""The outbox contract for rows whose receiver left the configuration (`dead_orphans`),
run against every backend in conftest.BACKENDS (SQLite and the real Redis)."""

from __future__ import annotations

import pytest
from conftest import make_alert

from relay.outbox import redis as redis_outbox
from relay.outbox.base import Outbox, State

T0 = 1_700_000_000.0
REASON = "receiver_removed"


async def test_pending_and_leased_rows_of_a_removed_receiver_become_dead_letters(
    backend: Outbox,
) -> None:
    for i in range(4):
        await backend.enqueue(make_alert(i), ["kept", "gone"], T0 + i)
    (leased,) = await backend.lease("gone", 1, 30, T0 + 5)  # a worker stopped mid-send
    moved = await backend.dead_orphans(["kept"], REASON, T0 + 10)
    assert moved == {"gone": 4}

    dead = await backend.list(dead=True, limit=100)
    assert [d.alert.title for d in dead] == [f"Queue lag high #{i}" for i in range(4)]
    assert {(d.receiver, d.state, d.last_error) for d in dead} == {("gone", State.DEAD, REASON)}
    assert next(d for d in dead if d.id == leased.id).attempts == 1  # kept for the operator
    assert await backend.lease("gone", 10, 30, T0 + 1000) == []
    by_receiver = {s.receiver: s for s in await backend.stats(T0 + 10)}
    assert (by_receiver["gone"].pending, by_receiver["gone"].dead) == (0, 4)
    assert by_receiver["gone"].oldest_age is None
    # the receiver still configured is untouched
    assert (by_receiver["kept"].pending, by_receiver["kept"].dead) == (4, 0)
    assert len(await backend.lease("kept", 10, 30, T0 + 11)) == 4


async def test_finished_rows_stay_as_they_are_and_a_second_sweep_moves_nothing(
    backend: Outbox,
) -> None:
    for i in range(3):
        await backend.enqueue(make_alert(i), ["gone"], T0)
    first, second, third = await backend.lease("gone", 3, 30, T0)
    await backend.delivered([first.id], T0 + 1)
    await backend.dead(second.id, "http_400", T0 + 1)
    await backend.retry_later(third.id, T0 + 500, "http_503")  # backing off: still pending
    assert await backend.dead_orphans([], REASON, T0 + 2) == {"gone": 1}
    assert await backend.dead_orphans([], REASON, T0 + 3) == {}
    reasons = {d.id: d.last_error for d in await backend.list(dead=True, limit=10)}
    assert reasons == {second.id: "http_400", third.id: REASON}
    (st,) = await backend.stats(T0 + 3)
    assert (st.pending, st.dead, st.delivered) == (0, 2, 1)


async def test_replay_brings_them_back_in_order_once_the_receiver_returns(
    backend: Outbox,
) -> None:
    # a trigger under a lease and its resolve waiting behind it (same fingerprint)
    await backend.enqueue(make_alert(fingerprint="x", title="trigger"), ["gone"], T0)
    await backend.enqueue(make_alert(fingerprint="x", title="resolve"), ["gone"], T0 + 1)
    await backend.enqueue(make_alert(7), ["gone"], T0 + 2)
    (trigger,) = await backend.lease("gone", 1, 30, T0 + 3)
    assert trigger.alert.title == "trigger"
    assert await backend.dead_orphans(["other"], REASON, T0 + 4) == {"gone": 3}
    assert await backend.replay(receiver="gone", now=T0 + 5) == 3
    got = await backend.lease("gone", 10, 30, T0 + 6)
    assert [d.alert.title for d in got] == ["trigger", "resolve", "Queue lag high #7"]
    assert all(d.attempts == 1 and d.created_at == T0 + 5 for d in got)
    assert await backend.list(dead=True, limit=10) == []


async def test_a_large_backlog_moves_whole(backend: Outbox,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(redis_outbox, "ORPHAN_BATCH", 3)  # Redis moves it in several calls
    for i in range(10):
        await backend.enqueue(make_alert(i), ["gone", "kept"], T0 + i)
    await backend.lease("gone", 4, 30, T0 + 20)
    assert await backend.dead_orphans({"kept"}, REASON, T0 + 30) == {"gone": 10}
    assert len(await backend.list(dead=True, limit=100)) == 10
    assert await backend.pending("gone", 100, T0 + 30) == []
    assert len(await backend.pending("kept", 100, T0 + 30)) == 10
