"""Fixtures for the Redis tests: a real server, a fresh key prefix per test, two clients."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import redis.asyncio as aredis
from redis_harness import delete_prefix, new_prefix, redis_url

from relay.redis_state import client_from_url


@pytest.fixture(scope="session")
def url() -> str:
    return redis_url()


@pytest.fixture
def prefix(url: str) -> Iterator[str]:
    p = new_prefix()
    yield p
    delete_prefix(url, p)


@pytest.fixture
async def client(url: str) -> AsyncIterator[aredis.Redis]:
    c = client_from_url(url)
    yield c
    await c.aclose()


@pytest.fixture
async def client2(url: str) -> AsyncIterator[aredis.Redis]:
    """A second connection pool: plays a second Relay replica."""
    c = client_from_url(url)
    yield c
    await c.aclose()
