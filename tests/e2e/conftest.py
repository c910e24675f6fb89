"""Fixtures for the end-to-end tests: the strict fakes and a running relay in front of them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from tests.e2e.harness import RunningRelay, env_for, start_relay
from tests.fakes import FakePagerDuty, FakeSlack
from tests.fakes.fixtures import make_fake_pagerduty, make_fake_slack

__all__ = ["fakes", "make_fake_pagerduty", "make_fake_slack", "relay"]


@pytest.fixture
async def fakes(
    make_fake_slack: Callable[..., Awaitable[FakeSlack]],
    make_fake_pagerduty: Callable[..., Awaitable[FakePagerDuty]],
) -> tuple[FakeSlack, FakePagerDuty]:
    """Fakes without rate limits: these tests are about content; pacing is tested elsewhere."""
    return await make_fake_slack(rate=None), await make_fake_pagerduty(rate_per_minute=None)


@pytest.fixture
async def relay(
    tmp_path: Path, fakes: tuple[FakeSlack, FakePagerDuty]
) -> AsyncIterator[RunningRelay]:
    slack, pd = fakes
    r = await start_relay(env_for(tmp_path, slack, pd, RELAY_SLACK_RATE_PER_SECOND="200",
                                  RELAY_PAGERDUTY_RATE_PER_MINUTE="12000"))
    yield r
    await r.stop()
