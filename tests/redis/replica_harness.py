"""Real `relay serve` processes sharing one Redis, for the "many replicas act as one" tests.

Each replica is `python -m relay serve` on a free loopback port with its own data directory
and log file, configured only through its environment, exactly as an operator runs it. The
strict fakes (Slack, PagerDuty) run in the test process. A replica's outbox consumer name is
`<hostname>-<pid>` (relay/runtime.py), so the test can see in Redis which replica holds
which lease.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from redis_harness import free_port

from relay.fakes import FakePagerDuty, FakeSlack
from tests.e2e.harness import env_for

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "replica-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FOLDED = re.compile(r"(\d+) alerts folded")


def relay_env(tmp: Path, redis_url: str, prefix: str, slack: FakeSlack | None,
              pd: FakePagerDuty | None, **extra: str) -> dict[str, str]:
    """The end-to-end settings on Redis, shared by every replica of a test (each replica
    also gets its own data dir)."""
    env = env_for(tmp, slack, pd, RELAY_API_TOKENS=f"replicas:{TOKEN}",
                  RELAY_REDIS_URL=redis_url, RELAY_REDIS_PREFIX=prefix,
                  RELAY_REQUEST_TIMEOUT_SECONDS="1", LOG_LEVEL="INFO")
    env.pop("RELAY_DATA_DIR")
    env.update(extra)
    return env


@dataclass
class Replica:
    name: str
    port: int
    proc: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def consumer(self) -> str:
        """This process's consumer name in the outbox's stream groups."""
        return f"{socket.gethostname()}-{self.proc.pid}"

    def events(self, name: str) -> list[dict[str, Any]]:
        """The JSON log lines with `event == name`."""
        out = []
        for line in self.log.read_text(errors="replace").splitlines():
            if line.startswith("{"):
                try:
                    doc = json.loads(line)
                except ValueError:
                    continue
                if doc.get("event") == name:
                    out.append(doc)
        return out

    def kill(self) -> None:
        """SIGKILL: no shutdown, leases stay held, exactly what a crash leaves."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def spawn(name: str, env: Mapping[str, str], tmp: Path) -> Replica:
    port = free_port()
    log = tmp / f"{name}.log"
    full = {**os.environ, **env, "RELAY_PORT": str(port),
            "RELAY_DATA_DIR": str(tmp / f"data-{name}")}
    proc = subprocess.Popen([sys.executable, "-m", "relay", "serve"], env=full, cwd=ROOT,
                            stdout=log.open("ab"), stderr=subprocess.STDOUT)
    return Replica(name, port, proc, log)


async def wait_ready(replica: Replica, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if replica.proc.poll() is not None:
                raise AssertionError(f"{replica.name} exited during start-up:\n"
                                     f"{replica.log.read_text()[-3000:]}")
            try:
                async with session.get(replica.url + "/readyz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.05)
    raise AssertionError(f"{replica.name} did not become ready")


@dataclass
class Replicas:
    """The replicas a test started; `close()` stops every one still running."""

    tmp: Path
    started: list[Replica] = field(default_factory=list)

    async def start(self, env: Mapping[str, str], *names: str) -> list[Replica]:
        new = [spawn(n, env, self.tmp) for n in names]
        self.started += new
        await asyncio.gather(*(wait_ready(r) for r in new))
        return new

    def close(self) -> None:
        for r in self.started:
            r.stop()


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any
    headers: Mapping[str, str]


async def post(session: aiohttp.ClientSession, replica: Replica,
               body: dict[str, Any] | Sequence[dict[str, Any]]) -> Answer:
    async with session.post(replica.url + "/api/alerts", json=body, headers=AUTH) as resp:
        text = await resp.text()
        try:
            doc: Any = json.loads(text)
        except ValueError:
            doc = text
        return Answer(resp.status, doc, dict(resp.headers))


async def status_of(session: aiohttp.ClientSession, replica: Replica, path: str) -> int:
    async with session.get(replica.url + path) as resp:
        return resp.status


async def eventually(predicate: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"not reached in {seconds:.0f} s: {what}")
        await asyncio.sleep(0.05)


def alert(title: str, severity: str = "warning", **extra: Any) -> dict[str, Any]:
    return {"title": title, "severity": severity, "service": "scheduler", **extra}


def accounted(messages: Sequence[Mapping[str, Any]]) -> int:
    """Alerts that Slack messages stand for: one each, or N for a digest ("N alerts folded")."""
    total = 0
    for m in messages:
        found = FOLDED.search(json.dumps(m))
        total += int(found.group(1)) if found else 1
    return total


def titles_seen(messages: Sequence[Mapping[str, Any]], titles: Sequence[str]) -> set[str]:
    text = "\n".join(json.dumps(m) for m in messages)
    return {t for t in titles if t in text}
