"""A real Alertmanager for tests: write a config, start the binary on free loopback ports,
post alerts to its API v2, stop it.

Never a fake: the parser and the HTTP edge are tested against what Alertmanager itself
sends. The binary is Debian's `prometheus-alertmanager` (or `alertmanager`, or the path in
`RELAY_ALERTMANAGER_BIN`); without it the tests skip, saying how to install it. Clustering
is off (`--cluster.listen-address=`), so nothing listens beyond the one HTTP port.

    async with Alertmanager(tmp_path, webhook_url, token) as am:
        await am.post_alerts([am_alert({"alertname": "X"}, starts_at=now)])
        await am.post_alerts([am_alert({"alertname": "X"}, starts_at=now, ends_at=now)])
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

import aiohttp
import pytest
from aiohttp import web

BINARY_NAMES = ("alertmanager", "prometheus-alertmanager")
INSTALL_HINT = "apt-get install -y prometheus-alertmanager"


def find_binary() -> str | None:
    explicit = os.environ.get("RELAY_ALERTMANAGER_BIN")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    for name in BINARY_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def require_binary() -> str:
    binary = find_binary()
    if binary is None:
        pytest.skip(f"Alertmanager binary not found (install it: {INSTALL_HINT})")
    return binary


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rfc3339(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def am_alert(
    labels: Mapping[str, str],
    *,
    annotations: Mapping[str, str] | None = None,
    starts_at: datetime,
    ends_at: datetime | None = None,
    generator_url: str | None = None,
) -> dict[str, Any]:
    """One alert as API v2 takes it; an `ends_at` at or before now resolves the alert."""
    out: dict[str, Any] = {"labels": dict(labels), "annotations": dict(annotations or {}),
                           "startsAt": rfc3339(starts_at)}
    if ends_at is not None:
        out["endsAt"] = rfc3339(ends_at)
    if generator_url:
        out["generatorURL"] = generator_url
    return out


def config_yaml(webhook_url: str, token: str, *, group_wait: str, group_interval: str,
                repeat_interval: str) -> str:
    """One route to one webhook receiver with bearer auth and resolved notifications.
    JSON is YAML, so no YAML writer is needed."""
    config = {
        "route": {
            "receiver": "relay",
            "group_by": ["alertname"],
            "group_wait": group_wait,
            "group_interval": group_interval,
            "repeat_interval": repeat_interval,
        },
        "receivers": [{
            "name": "relay",
            "webhook_configs": [{
                "url": webhook_url,
                "send_resolved": True,
                "http_config": {"authorization": {"type": "Bearer", "credentials": token}},
            }],
        }],
    }
    return json.dumps(config, indent=2)


class AlertmanagerError(RuntimeError):
    """The process did not start or its API refused a request (with the log tail)."""


@dataclass
class Alertmanager:
    """One Alertmanager process owned by a test."""

    workdir: Path
    webhook_url: str
    token: str
    group_wait: str = "100ms"
    group_interval: str = "300ms"
    repeat_interval: str = "1h"
    start_timeout: float = 15.0
    port: int = 0
    _proc: asyncio.subprocess.Process | None = field(default=None, repr=False)
    _session: aiohttp.ClientSession | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.workdir / "alertmanager.log"

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    async def start(self) -> None:
        binary = require_binary()
        self.workdir.mkdir(parents=True, exist_ok=True)
        config = self.workdir / "alertmanager.yml"
        config.write_text(config_yaml(self.webhook_url, self.token,
                                      group_wait=self.group_wait,
                                      group_interval=self.group_interval,
                                      repeat_interval=self.repeat_interval))
        storage = self.workdir / "data"
        storage.mkdir(exist_ok=True)
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
        for _attempt in range(3):  # a free port can be taken between probe and bind
            self.port = free_port()
            with self.log_path.open("ab") as logfile:
                self._proc = await asyncio.create_subprocess_exec(
                    binary,
                    f"--config.file={config}",
                    f"--storage.path={storage}",
                    f"--web.listen-address=127.0.0.1:{self.port}",
                    "--cluster.listen-address=",
                    "--log.level=warn",
                    stdin=asyncio.subprocess.DEVNULL, stdout=logfile, stderr=logfile,
                )
            if await self._wait_ready():
                return
            await self._terminate()
        await self.stop()
        raise AlertmanagerError(f"alertmanager did not become ready:\n{self.log_tail()}")

    async def _wait_ready(self) -> bool:
        assert self._session is not None and self._proc is not None
        deadline = asyncio.get_running_loop().time() + self.start_timeout
        while asyncio.get_running_loop().time() < deadline:
            if self._proc.returncode is not None:
                return False
            try:
                async with self._session.get(f"{self.url}/-/ready") as resp:
                    if resp.status == 200:
                        return True
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.05)
        return False

    async def post_alerts(self, alerts: list[dict[str, Any]]) -> None:
        """POST /api/v2/alerts; raises AlertmanagerError unless Alertmanager answers 200."""
        assert self._session is not None, "start() first"
        async with self._session.post(f"{self.url}/api/v2/alerts", json=alerts) as resp:
            if resp.status != 200:
                body = (await resp.text())[:500]
                raise AlertmanagerError(f"POST /api/v2/alerts → {resp.status}: {body}")

    async def alerts(self) -> list[dict[str, Any]]:
        """GET /api/v2/alerts: what Alertmanager holds now."""
        assert self._session is not None, "start() first"
        async with self._session.get(f"{self.url}/api/v2/alerts") as resp:
            data: list[dict[str, Any]] = await resp.json()
            return data

    async def _terminate(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.returncode is not None:
            return
        proc.terminate()
        try:
            await asyncio.wait_for(proc.wait(), 5)
        except TimeoutError:
            proc.kill()
            await proc.wait()

    async def stop(self) -> None:
        await self._terminate()
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> Alertmanager:
        await self.start()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        await self.stop()


@dataclass(frozen=True)
class Received:
    authorization: str | None
    body: Any


class WebhookRecorder:
    """A loopback aiohttp server that records every webhook POST (auth header and JSON
    body) and lets a test wait for the n-th one."""

    def __init__(self, path: str = "/api/webhooks/alertmanager") -> None:
        self.path = path
        self.received: list[Received] = []
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.path}"

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        async with self._changed:
            self.received.append(Received(request.headers.get("Authorization"), body))
            self._changed.notify_all()
        return web.json_response({"status": "ok"})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post(self.path, self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = int(server.sockets[0].getsockname()[1])  # type: ignore[attr-defined]

    async def wait_for(self, predicate: Any, timeout: float = 10.0) -> Received:
        """The first recorded request whose body satisfies `predicate`."""
        async def found() -> Received:
            async with self._changed:
                while True:
                    for item in self.received:
                        if predicate(item.body):
                            return item
                    await self._changed.wait()
        return await asyncio.wait_for(found(), timeout)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def soon(seconds: float = 0.0) -> datetime:
    return datetime.now(UTC) + timedelta(seconds=seconds)
