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


@pytest.fixture
async def make_fake_slack() -> AsyncIterator[Callable[..., Awaitable[FakeSlack]]]:
    made: list[FakeSlack] = []

    async def make(**kwargs: Any) -> FakeSlack:
        fake = FakeSlack(**kwargs)
        made.append(fake)
        await fake.start()
        return fake

    yield make
    for fake in made:
        await fake.close()


@pytest.fixture
async def make_fake_pagerduty() -> AsyncIterator[Callable[..., Awaitable[FakePagerDuty]]]:
    made: list[FakePagerDuty] = []

    async def make(**kwargs: Any) -> FakePagerDuty:
        fake = FakePagerDuty(**kwargs)
        made.append(fake)
        await fake.start()
        return fake

    yield make
    for fake in made:
        await fake.close()


@pytest.fixture
async def fake_slack(make_fake_slack: Callable[..., Awaitable[FakeSlack]]) -> FakeSlack:
    return await make_fake_slack()


@pytest.fixture
async def fake_pagerduty(
    make_fake_pagerduty: Callable[..., Awaitable[FakePagerDuty]],
) -> FakePagerDuty:
    return await make_fake_pagerduty()
