"""The outbox contract, run against every backend in conftest.BACKENDS."""

from __future__ import annotations

from collections.abc import Callable

from conftest import make_alert

from relay.outbox.base import Outbox, State

T0 = 1_700_000_000.0


async def test_enqueue_one_row_per_receiver_and_lease_in_creation_order(backend: Outbox) -> None:
    alerts = [make_alert(i) for i in range(5)]
    for i, a in enumerate(alerts):
        await backend.enqueue(a, ["slack", "pd"], T0 + i)
    got = await backend.lease("slack", 10, 30, T0 + 10)
    assert [d.alert.id for d in got] == [a.id for a in alerts]
    assert all(d.receiver == "slack" and d.state is State.LEASED for d in got)
    assert all(d.attempts == 1 for d in got)
    assert got[0].alert == alerts[0]  # the alert round-trips intact
    # pd's rows are independent of slack's
    assert len(await backend.lease("pd", 10, 30, T0 + 10)) == 5


async def test_lease_respects_limit_and_hides_leased_rows(backend: Outbox) -> None:
    for i in range(3):
        await backend.enqueue(make_alert(i), ["r"], T0 + i)
    first = await backend.lease("r", 2, 30, T0 + 5)
    assert len(first) == 2
    second = await backend.lease("r", 10, 30, T0 + 6)
    assert [d.alert.title for d in second] == ["Queue lag high #2"]
    assert await backend.lease("r", 10, 30, T0 + 7) == []


async def test_expired_lease_is_delivered_again(backend: Outbox) -> None:
    await backend.enqueue(make_alert(), ["r"], T0)
    (d,) = await backend.lease("r", 1, 30, T0)
    assert await backend.lease("r", 1, 30, T0 + 29) == []
    (again,) = await backend.lease("r", 1, 30, T0 + 31)
    assert again.id == d.id and again.attempts == 2


async def test_delivered_rows_are_not_leased_again(backend: Outbox) -> None:
    await backend.enqueue(make_alert(), ["r"], T0)
    (d,) = await backend.lease("r", 1, 30, T0)
    await backend.delivered([d.id], T0 + 1)
    assert await backend.lease("r", 1, 30, T0 + 100) == []
    (st,) = await backend.stats(T0 + 100)
    assert (st.pending, st.delivered, st.dead, st.oldest_age) == (0, 1, 0, None)


async def test_retry_later_hides_row_until_due_and_keeps_reason(backend: Outbox) -> None:
    await backend.enqueue(make_alert(), ["r"], T0)
    (d,) = await backend.lease("r", 1, 30, T0)
    await backend.retry_later(d.id, T0 + 60, "http_503")
    assert await backend.lease("r", 1, 30, T0 + 59) == []
    (again,) = await backend.lease("r", 1, 30, T0 + 60)
    assert again.id == d.id and again.last_error == "http_503" and again.attempts == 2


async def test_backing_off_row_does_not_block_other_fingerprints(backend: Outbox) -> None:
    await backend.enqueue(make_alert(1), ["r"], T0)
    await backend.enqueue(make_alert(2), ["r"], T0 + 1)
    (a,) = await backend.lease("r", 1, 30, T0 + 2)
    await backend.retry_later(a.id, T0 + 100, "http_500")
    (b,) = await backend.lease("r", 1, 30, T0 + 3)
    assert b.alert.fingerprint == "fp-2"


async def test_same_fingerprint_waits_for_earlier_row(backend: Outbox) -> None:
    """A resolve must never overtake its trigger while the trigger backs off."""
    await backend.enqueue(make_alert(fingerprint="x", title="trigger"), ["r"], T0)
    await backend.enqueue(make_alert(fingerprint="x", title="resolve"), ["r"], T0 + 1)
    (trigger,) = await backend.lease("r", 1, 30, T0 + 2)
    assert trigger.alert.title == "trigger"
    assert await backend.lease("r", 5, 30, T0 + 3) == []  # trigger is leased
    await backend.retry_later(trigger.id, T0 + 50, "timeout")
    assert await backend.lease("r", 5, 30, T0 + 4) == []  # trigger is backing off
    got = await backend.lease("r", 5, 30, T0 + 50)
    assert [d.alert.title for d in got] == ["trigger", "resolve"]  # both due: in order


async def test_dead_then_replay_by_id_receiver_and_all(backend: Outbox) -> None:
    for i in range(3):
        await backend.enqueue(make_alert(i), ["a", "b"], T0)
    ids: dict[str, list[str]] = {}
    for r in ("a", "b"):
        for d in await backend.lease(r, 10, 30, T0):
            await backend.dead(d.id, "http_400", T0 + 1)
            ids.setdefault(r, []).append(d.id)
    dead = await backend.list(dead=True, limit=100)
    assert len(dead) == 6 and {d.last_error for d in dead} == {"http_400"}
    assert all(d.state is State.DEAD for d in dead)
    assert await backend.lease("a", 10, 30, T0 + 1000) == []

    assert await backend.replay(ids=[ids["a"][0]], now=T0 + 2) == 1
    assert await backend.replay(ids=[ids["a"][0]], now=T0 + 2) == 0  # not dead any more
    assert await backend.replay(receiver="b", now=T0 + 2) == 3
    assert await backend.replay(all_dead=True, now=T0 + 2) == 2
    assert await backend.replay(now=T0 + 2) == 0  # no selector: nothing
    assert await backend.list(dead=True, limit=100) == []
    again = await backend.lease("a", 10, 30, T0 + 3)
    assert len(again) == 3
    # replay restarts the row's age clock and attempt count
    assert all(d.created_at == T0 + 2 and d.attempts == 1 for d in again)


async def test_fold_marks_rows_done(backend: Outbox) -> None:
    for i in range(4):
        await backend.enqueue(make_alert(i), ["r"], T0)
    rows = await backend.lease("r", 10, 30, T0)
    await backend.fold([d.id for d in rows], T0 + 1)
    assert await backend.lease("r", 10, 30, T0 + 1000) == []
    (st,) = await backend.stats(T0 + 2)
    assert st.pending == 0 and st.delivered == 4


async def test_pending_peeks_without_leasing(backend: Outbox) -> None:
    for i in range(3):
        await backend.enqueue(make_alert(i), ["r"], T0 + i)
    (d,) = await backend.lease("r", 1, 30, T0 + 5)
    peek = await backend.pending("r", 10, T0 + 5)
    assert [p.alert.title for p in peek] == ["Queue lag high #1", "Queue lag high #2"]
    assert len(await backend.pending("r", 1, T0 + 5)) == 1
    assert len(await backend.lease("r", 10, 30, T0 + 6)) == 2  # peeking did not lease
    assert d.id not in {p.id for p in peek}


async def test_stats_counts_and_oldest_age(backend: Outbox) -> None:
    await backend.enqueue(make_alert(1), ["a", "b"], T0)
    await backend.enqueue(make_alert(2), ["a"], T0 + 10)
    (d,) = await backend.lease("b", 1, 30, T0 + 11)
    await backend.dead(d.id, "http_404", T0 + 12)
    stats = {s.receiver: s for s in await backend.stats(T0 + 20)}
    assert stats["a"].pending == 2 and stats["a"].oldest_age == 20.0
    assert stats["b"].pending == 0 and stats["b"].dead == 1 and stats["b"].oldest_age is None


async def test_purge_delivered_removes_only_old_finished_rows(backend: Outbox) -> None:
    for i in range(3):
        await backend.enqueue(make_alert(i), ["r"], T0)
    a, b, c = await backend.lease("r", 3, 30, T0)
    await backend.delivered([a.id], T0 + 1)
    await backend.fold([b.id], T0 + 50)
    await backend.dead(c.id, "http_400", T0 + 1)
    assert await backend.purge_delivered(older_than=T0 + 10) == 1
    (st,) = await backend.stats(T0 + 60)
    assert st.delivered == 1 and st.dead == 1


async def test_restart_keeps_rows_and_leases(backend_factory: Callable[[], Outbox]) -> None:
    box = backend_factory()
    await box.open()
    for i in range(3):
        await box.enqueue(make_alert(i), ["r"], T0)
    (leased,) = await box.lease("r", 1, 60, T0)
    await box.close()

    box = backend_factory()
    await box.open()
    try:
        # every row survives; the one leased by the "dead" process is due by its lease end
        got = await box.lease("r", 10, 30, T0 + 61)
        assert [d.alert.title for d in got] == [f"Queue lag high #{i}" for i in range(3)]
        assert got[0].id == leased.id and got[0].attempts == 2
    finally:
        await box.close()


async def test_writable_when_open(backend: Outbox) -> None:
    assert await backend.writable()
