"""Outbox backends under test. Add a backend by adding a factory to BACKENDS.

A factory takes pytest's tmp_path and returns an *unopened* Outbox; calling it twice with
the same tmp_path must give an outbox over the same storage (the restart tests reopen).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from redis_harness import contract_outbox

from relay.model import Alert, Severity, Source
from relay.outbox.base import Outbox
from relay.outbox.sqlite import SqliteOutbox

Factory = Callable[[Path], Outbox]

BACKENDS: dict[str, Factory] = {
    "sqlite": lambda tmp: SqliteOutbox(tmp / "outbox.db"),
    "redis": contract_outbox,
}


def make_alert(n: int = 0, *, fingerprint: str | None = None, title: str | None = None,
               severity: Severity = Severity.WARNING, service: str = "billing") -> Alert:
    return Alert(
        source=Source.DIRECT, severity=severity, service=service,
        title=title or f"Queue lag high #{n}", fingerprint=fingerprint or f"fp-{n}",
    )


@pytest.fixture(params=sorted(BACKENDS))
def backend_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], Outbox]:
    factory = BACKENDS[request.param]
    return lambda: factory(tmp_path)


@pytest.fixture
async def backend(backend_factory: Callable[[], Outbox]) -> AsyncIterator[Outbox]:
    box = backend_factory()
    await box.open()
    yield box
    await box.close()
