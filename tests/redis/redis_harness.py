"""Real Redis for tests: find one, or start one; give each test its own key prefix.

Test modules import the fixtures below by name (there is deliberately no conftest.py in
tests/redis: a second `conftest` module would shadow `from conftest import ...` in
tests/outbox when both directories are collected).

Never a mock: every Redis test talks to a real server. The shared server on 127.0.0.1:6379
is used when it answers; otherwise one `redis-server` is started for the session (no
persistence) if the binary exists; otherwise the tests skip, saying why. Tests that stop
and restart Redis start their own server (`RedisServer`) so the shared one is never touched.
Keys of every prefix handed out are deleted when the test (or, for the contract factory,
the session) ends.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis
import redis.asyncio as aredis

from relay.model import Alert, Severity, Source
from relay.outbox.redis import RedisOutbox
from relay.redis_state import client_from_url

SHARED_URL = "redis://127.0.0.1:6379/0"

_url: str | None = None
_prefixes: list[str] = []
_SESSION = uuid.uuid4().hex  # keeps contract prefixes apart from any earlier, crashed run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(url: str) -> bool:
    client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()


class RedisServer:
    """A redis-server process this test owns: it may be killed, paused and restarted."""

    def __init__(self, directory: Path, *, port: int | None = None, appendonly: bool = False,
                 extra: tuple[str, ...] = ()) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed, cannot start a private Redis")
        self.binary = binary
        self.port = port or free_port()
        self.directory = directory
        self.args = [
            binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
            "--dir", str(directory), "--appendonly", "yes" if appendonly else "no",
            # an acknowledged write is on disk before the reply (the test kills -9)
            "--appendfsync", "always", *extra,
        ]
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            self.args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while not _answers(self.url):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server on port {self.port} did not start")
            time.sleep(0.02)
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown save, exactly what a crash leaves behind."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None


def redis_url() -> str:
    """The session's Redis: the shared one if it answers, else a private one, else skip."""
    global _url
    if _url is not None:
        return _url
    if _answers(SHARED_URL):
        _url = SHARED_URL
        return _url
    if shutil.which("redis-server") is None:
        pytest.skip("no Redis answers on 127.0.0.1:6379 and redis-server is not installed")
    directory = Path(f"/tmp/relay-test-redis-{uuid.uuid4().hex[:8]}")
    server = RedisServer(directory).start()
    atexit.register(server.kill)
    _url = server.url
    return _url


def new_prefix() -> str:
    return f"relay-test-{uuid.uuid4().hex[:12]}:"


def delete_prefix(url: str, prefix: str) -> int:
    client = redis.Redis.from_url(url, socket_timeout=2)
    try:
        keys = list(client.scan_iter(match=f"{prefix}*", count=500))
        return int(client.delete(*keys)) if keys else 0
    except (redis.RedisError, OSError):
        return 0
    finally:
        client.close()


def _cleanup_contract_prefixes() -> None:
    if _url is not None:
        for prefix in _prefixes:
            delete_prefix(_url, prefix)


atexit.register(_cleanup_contract_prefixes)


def contract_outbox(tmp: Path) -> RedisOutbox:
    """Factory for tests/outbox/conftest.py: the same tmp path gives the same storage.

    The consumer name is fixed, so a second outbox over the same prefix plays the restarted
    process (same name: its predecessor's leases are released on open).
    """
    url = redis_url()
    digest = hashlib.sha1(f"{_SESSION}{tmp}".encode()).hexdigest()[:12]
    prefix = f"relay-test-{digest}:"
    if prefix not in _prefixes:
        _prefixes.append(prefix)
    return RedisOutbox(client_from_url(url), prefix=prefix, consumer="contract")


def make_alert(n: int = 0, *, fingerprint: str | None = None, title: str | None = None) -> Alert:
    """A scrubbed alert as the outbox receives it (same shape as tests/outbox's helper)."""
    return Alert(
        source=Source.DIRECT, severity=Severity.WARNING, service="billing",
        title=title or f"Queue lag high #{n}", fingerprint=fingerprint or f"fp-{n}",
    )


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
