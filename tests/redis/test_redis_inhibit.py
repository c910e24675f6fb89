"""RedisInhibitState against MemoryInhibitState, across replicas, under concurrency."""

# pytest fixtures are imported from redis_harness, so parameters re-bind their names
# ruff: noqa: F811

from __future__ import annotations

import asyncio
import json
import random

import pytest
import redis.asyncio as aredis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from redis_harness import (  # noqa: F401  (fixtures)
    client,
    client2,
    delete_prefix,
    free_port,
    new_prefix,
    prefix,
    redis_url,
    url,
)

from relay.inhibit import Inhibitor, InhibitState, MemoryInhibitState, parse_inhibit_rules
from relay.model import Action, Alert, Severity, Source
from relay.redis_state import RedisInhibitState, RedisUnavailable, client_from_url

pytestmark = pytest.mark.redis

T0 = 1_700_000_000.0
FPS = ["am:db", "am:cache", "am:lag"]
KEYS = [("production", "eu-1"), ("production", "us-1"), ("staging", "eu-1")]

# one operation: (seconds since the previous one, what, fingerprint, rule, key, ttl)
ops = st.lists(
    st.tuples(
        st.sampled_from([0.0, 1.0, 5.0, 30.0]),
        st.sampled_from(["record", "forget", "ask"]),
        st.sampled_from(FPS),
        st.integers(0, 1),
        st.sampled_from(KEYS),
        st.sampled_from([10.0, 30.0, 60.0]),
    ),
    min_size=1, max_size=30,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seq=ops)
def test_redis_state_answers_as_memory_state_does(
    seq: list[tuple[float, str, str, int, tuple[str, str], float]],
) -> None:
    async def run() -> tuple[list[bool], list[bool]]:
        url, prefix = redis_url(), new_prefix()
        c = client_from_url(url)
        memory, shared = MemoryInhibitState(), RedisInhibitState(c, prefix)
        expected, got = [], []
        now = T0
        try:
            for dt, what, fp, rule, key, ttl in seq:
                now += dt
                if what == "record":
                    # a source may hold keys for both rules; the second one is a variant
                    keys = {rule: key, 1 - rule: (key[0], "eu-2")}
                    for state in (memory, shared):
                        await state.record(fp, keys, now + ttl)
                elif what == "forget":
                    for state in (memory, shared):
                        await state.forget(fp)
                for asker in FPS:  # ask after every step, as each possible target
                    expected.append(await memory.any_source(rule, key, excluding=asker,
                                                            now=now))
                    got.append(await shared.any_source(rule, key, excluding=asker, now=now))
        finally:
            await c.aclose()
            delete_prefix(url, prefix)
        return expected, got

    expected, got = asyncio.run(run())
    assert got == expected


def text(value: object) -> str:
    assert isinstance(value, bytes)
    return value.decode()


RULES = parse_inhibit_rules([{
    "source_match": {"severity": "critical", "tags": {"alertname": "DatabaseDown"}},
    "target_match": {"severity": ["warning", "info"]},
    "equal": ["environment", "tags.cluster"],
}])


def alert(fp: str, *, severity: Severity = Severity.WARNING, action: Action = Action.TRIGGER,
          **tags: str) -> Alert:
    return Alert(source=Source.ALERTMANAGER, severity=severity, action=action,
                 title="Replication lag high", service="intake-api", fingerprint=fp,
                 environment="production", tags={"cluster": "eu-west-7", **tags})


def db_down(action: Action = Action.TRIGGER) -> Alert:
    return alert("am:db-down-7f3a", severity=Severity.CRITICAL, action=action,
                 alertname="DatabaseDown")


async def test_a_source_seen_by_one_replica_mutes_targets_on_the_other(
    client: aredis.Redis, client2: aredis.Redis, prefix: str
) -> None:
    state_a: InhibitState = RedisInhibitState(client, prefix)  # the protocol, checked by mypy
    a = Inhibitor(RULES, state_a)
    b = Inhibitor(RULES, RedisInhibitState(client2, prefix))
    target = alert("am:lag-1")
    assert not await b.inhibited(target, T0)
    await a.observe(db_down(), T0)
    assert await b.inhibited(target, T0 + 1)
    assert not await b.inhibited(alert("am:lag-2", cluster="us-east-1"), T0 + 1)
    assert not await b.inhibited(db_down(), T0 + 1)  # never inhibits itself
    # the resolve reaches the other replica: nothing is muted any more
    await b.observe(db_down(Action.RESOLVE), T0 + 2)
    assert not await a.inhibited(target, T0 + 3)
    # a lost resolve cannot mute forever: the source lapses after the Inhibitor's ttl
    a.ttl = b.ttl = 60.0
    await a.observe(db_down(), T0 + 10)
    assert await b.inhibited(target, T0 + 69)
    assert not await b.inhibited(target, T0 + 70)


async def test_keys_hold_hashes_only_and_expire(
    client: aredis.Redis, prefix: str
) -> None:
    state = RedisInhibitState(client, prefix, key_ttl=3600)
    inh = Inhibitor(RULES, state)
    await inh.observe(db_down(), T0)
    names = [k.decode() async for k in client.scan_iter(match=f"{prefix}*")]
    assert len(names) == 2  # the source's record and one (rule, key) set
    stored = " ".join(names)
    for name in names:
        assert 3500 < await client.ttl(name) <= 3600
        if await client.type(name) == b"zset":
            stored += " ".join(text(m) for m in await client.zrange(name, 0, -1))
        else:
            stored += text(await client.get(name) or b"")
    for content in ("db-down-7f3a", "eu-west-7", "production", "DatabaseDown"):
        assert content not in stored
    await inh.observe(db_down(Action.RESOLVE), T0 + 1)  # a forget leaves no record behind
    assert await client.exists(state.source_key("am:db-down-7f3a")) == 0
    assert await client.zcard(state.key_for(0, ("production", "eu-west-7"))) == 0


async def test_concurrent_refreshes_and_forgets_leave_no_stale_key(
    client: aredis.Redis, client2: aredis.Redis, prefix: str
) -> None:
    """Two replicas race on the same sources with changing keys; afterwards every set holds
    exactly the sources whose record names it (a non-atomic replace would strand some)."""
    a, b = RedisInhibitState(client, prefix), RedisInhibitState(client2, prefix)
    rng = random.Random(7)

    async def churn(state: RedisInhibitState, fp: str) -> None:
        for _ in range(60):
            if rng.random() < 0.2:
                await state.forget(fp)
            else:
                await state.record(fp, {0: rng.choice(KEYS), 1: rng.choice(KEYS)}, T0 + 60)

    await asyncio.gather(*(churn(s, fp) for fp in FPS for s in (a, b) for _ in range(2)))

    records: dict[str, set[str]] = {}
    for fp in FPS:
        raw = await client.get(a.source_key(fp))
        records[a.member(fp)] = set(json.loads(raw)) if raw else set()
    sets = {a.key_for(rule, key) for rule in (0, 1) for key in KEYS}
    for name in sets:
        members = {text(m) for m in await client.zrange(name, 0, -1)}
        assert members == {m for m, held in records.items() if name in held}


async def test_redis_down_is_a_named_error() -> None:
    c = client_from_url(f"redis://127.0.0.1:{free_port()}/0")
    state = RedisInhibitState(c, new_prefix())
    try:
        with pytest.raises(RedisUnavailable):
            await state.record("am:db", {0: ("production", "eu-1")}, T0)
        with pytest.raises(RedisUnavailable):
            await state.any_source(0, ("production", "eu-1"), excluding="x", now=T0)
    finally:
        await c.aclose()
