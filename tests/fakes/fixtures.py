"""pytest fixtures for the strict fakes. In a conftest.py:

    from tests.fakes.fixtures import fake_pagerduty, fake_slack, make_fake_slack  # noqa: F401

`fake_slack` / `fake_pagerduty` are started fakes with production-like limits (Slack 1/s
with a burst of 3 per webhook or channel, PagerDuty 120/min per routing key). For other
settings (a `ManualClock`, no rate limit, a channel allowlist) use the factories:
`await make_fake_slack(rate=None)`; everything they make is closed after the test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from relay.fakes.pagerduty import FakePagerDuty
from relay.fakes.slack import FakeSlack


async def _factory(cls: Callable[..., Any]) -> AsyncIterator[Callable[..., Awaitable[Any]]]:
    """Start fakes on demand; close every one after the test."""
    made: list[Any] = []

    async def make(**kwargs: Any) -> Any:
        fake = cls(**kwargs)
        made.append(fake)
        await fake.start()
        return fake

    yield make
    for fake in made:
        await fake.close()


@pytest.fixture
async def make_fake_slack() -> AsyncIterator[Callable[..., Awaitable[FakeSlack]]]:
    async for make in _factory(FakeSlack):
        yield make


@pytest.fixture
async def make_fake_pagerduty() -> AsyncIterator[Callable[..., Awaitable[FakePagerDuty]]]:
    async for make in _factory(FakePagerDuty):
        yield make


@pytest.fixture
async def fake_slack(make_fake_slack: Callable[..., Awaitable[FakeSlack]]) -> FakeSlack:
    return await make_fake_slack()


@pytest.fixture
async def fake_pagerduty(
    make_fake_pagerduty: Callable[..., Awaitable[FakePagerDuty]],
) -> FakePagerDuty:
    return await make_fake_pagerduty()
