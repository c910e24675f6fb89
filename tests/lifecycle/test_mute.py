"""The memory of muted triggers: a resolve follows its trigger (muted → held back, sent → sent).

One contract for the in-process memory and the Redis one every replica shares (a unique key
prefix on the real Redis); the in-process memory's own TTL and size bound; the Muter's
trigger/resolve rules; the memory surviving a routing reload.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from redis_harness import delete_prefix, new_prefix, redis_url

from relay.config import load_routing, load_settings
from relay.inhibit import Inhibitor, parse_inhibit_rules
from relay.model import Action, Alert, Severity, Source
from relay.mute import MemoryMutedTriggers, MutedTriggers, Muter
from relay.redis_state import RedisMutedTriggers, client_from_url
from relay.runtime import build_runtime
from tests.e2e.harness import env_for

T0 = 1_700_000_000.0

# Calling a factory twice gives two views of one memory: the same object in process, two
# connections over one prefix (two replicas) on Redis.
Factory = Callable[[], MutedTriggers]


@pytest.fixture(params=["memory", "redis"])
async def factory(request: pytest.FixtureRequest) -> AsyncIterator[Factory]:
    if request.param == "memory":
        memory = MemoryMutedTriggers()
        yield lambda: memory
        return
    url, prefix = redis_url(), new_prefix()
    clients: list[Any] = []

    def make() -> MutedTriggers:
        clients.append(client_from_url(url))
        return RedisMutedTriggers(clients[-1], prefix)

    yield make
    for client in clients:
        await client.aclose()
    delete_prefix(url, prefix)


async def test_a_muted_trigger_holds_back_one_resolve(factory: Factory) -> None:
    a, b = factory(), factory()
    await a.add("am:lag", "silenced", T0)
    assert await b.pop("am:unknown", T0 + 1) is None
    assert await b.pop("am:lag", T0 + 1) == "silenced"
    assert await a.pop("am:lag", T0 + 2) is None  # consumed: one resolve per muted trigger


async def test_the_latest_trigger_decides(factory: Factory) -> None:
    a, b = factory(), factory()
    await a.add("am:lag", "silenced", T0)
    await b.add("am:lag", "inhibited", T0 + 1)  # muted again, for another reason
    assert await a.pop("am:lag", T0 + 2) == "inhibited"
    await a.add("am:lag", "silenced", T0 + 3)
    await b.discard("am:lag")  # then a trigger went out: its resolve must go out
    assert await a.pop("am:lag", T0 + 4) is None
    await b.discard("am:never-muted")  # nothing to forget is not an error


async def test_memory_entries_lapse_after_the_ttl() -> None:
    memory = MemoryMutedTriggers(ttl=100)
    await memory.add("am:lag", "silenced", T0)
    await memory.add("am:db", "inhibited", T0)
    assert await memory.pop("am:lag", T0 + 99.9) == "silenced"
    assert await memory.pop("am:db", T0 + 100) is None  # a lost resolve costs nothing


async def test_memory_keeps_the_most_recent_within_its_bound() -> None:
    memory = MemoryMutedTriggers(limit=2)
    await memory.add("a", "silenced", T0)
    await memory.add("b", "silenced", T0)
    await memory.add("a", "inhibited", T0 + 1)  # refreshed: now the most recent
    await memory.add("c", "silenced", T0 + 2)
    assert len(memory) == 2
    assert await memory.pop("b", T0 + 3) is None  # the oldest went
    assert await memory.pop("a", T0 + 3) == "inhibited"
    assert await memory.pop("c", T0 + 3) == "silenced"


RULES = parse_inhibit_rules([{
    "source_match": {"severity": "critical", "tags": {"alertname": "DatabaseDown"}},
    "target_match": {"severity": ["warning"]},
    "equal": ["environment"],
}])


def alert(fp: str, action: Action = Action.TRIGGER, **over: Any) -> Alert:
    fields: dict[str, Any] = {"source": Source.ALERTMANAGER, "severity": Severity.WARNING,
                              "title": "Replication lag", "service": "intake-api",
                              "fingerprint": fp, "environment": "production",
                              "action": action} | over
    return Alert(**fields)


def db_down(action: Action = Action.TRIGGER) -> Alert:
    return alert("am:db", action, severity=Severity.CRITICAL,
                 tags={"alertname": "DatabaseDown"})


async def test_muter_resolve_follows_its_trigger() -> None:
    muter = Muter(None, Inhibitor(RULES))
    await muter.reason(db_down(), T0)
    assert await muter.reason(alert("am:lag"), T0 + 1) == "inhibited"
    await muter.reason(db_down(Action.RESOLVE), T0 + 2)
    # the source is gone, but nobody was told of the target: its all-clear stays back too
    assert await muter.reason(alert("am:lag", Action.RESOLVE), T0 + 3) == "inhibited"

    assert await muter.reason(alert("am:q"), T0 + 4) is None  # went out
    await muter.reason(db_down(), T0 + 5)
    # muted since, but its trigger went out: the resolve goes out (closes the incident)
    assert await muter.reason(alert("am:q", Action.RESOLVE), T0 + 6) is None


async def test_muter_a_later_trigger_that_goes_out_releases_the_resolve() -> None:
    muter = Muter(None, Inhibitor(RULES))
    await muter.reason(db_down(), T0)
    assert await muter.reason(alert("am:lag"), T0 + 1) == "inhibited"
    await muter.reason(db_down(Action.RESOLVE), T0 + 2)
    assert await muter.reason(alert("am:lag"), T0 + 3) is None  # re-fired, and sent
    assert await muter.reason(alert("am:lag", Action.RESOLVE), T0 + 4) is None


async def test_muter_records_in_the_memory_it_is_given(factory: Factory) -> None:
    """Two muters over one memory (two replicas, or one muter before and after a reload)."""
    first, second = Muter(None, Inhibitor(RULES), factory()), Muter(None, Inhibitor(()),
                                                                    factory())
    await first.reason(db_down(), T0)
    assert await first.reason(alert("am:lag"), T0 + 1) == "inhibited"
    assert await second.reason(alert("am:lag", Action.RESOLVE), T0 + 2) == "inhibited"


async def test_a_reload_keeps_the_memory(tmp_path: Path) -> None:
    env = env_for(tmp_path, None, None)
    settings = load_settings(env)
    runtime = await build_runtime(settings, load_routing(settings, env))
    await runtime.muter.muted.add("am:lag", "silenced", T0)
    assert await runtime.reload() == []
    assert await runtime.muter.muted.pop("am:lag", T0 + 1) == "silenced"

