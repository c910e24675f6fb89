"""Relay on a real loopback port with the strict fakes behind it, for end-to-end tests.

Everything is real: settings parsed from an environment mapping, the routing table, the
SQLite outbox on disk, the delivery workers, structlog JSON lines into a buffer we can
search, and sentry-sdk with a transport that keeps envelopes in memory.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import io
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import sentry_sdk
from aiohttp import web
from sentry_sdk.envelope import Envelope
from sentry_sdk.transport import Transport

from relay.app import create_app
from relay.config import check_secrets, load_routing, load_settings
from relay.observability import configure_logging, init_sentry
from relay.runtime import Runtime, build_runtime
from tests.fakes import FakePagerDuty, FakeSlack

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TOKEN = "e2e-token-0123456789abcdef"
SECRET = "e2e-sentry-client-secret-0123456789"
HASH_KEY = "e2e-hash-key-0123456789abcdef"


class MemoryTransport(Transport):
    """Keeps what sentry-sdk would send, so tests can look inside Relay's own error reports."""

    def __init__(self, options: Any = None) -> None:
        super().__init__(options)
        self.envelopes: list[Envelope] = []

    def capture_envelope(self, envelope: Envelope) -> None:
        self.envelopes.append(envelope)

    def dump(self) -> str:
        out = io.BytesIO()
        for env in self.envelopes:
            env.serialize_into(out)
        return out.getvalue().decode("utf-8", "replace")


@dataclass
class RunningRelay:
    url: str
    runtime: Runtime
    runner: web.AppRunner
    logs: io.StringIO
    data_dir: Path
    sentry: MemoryTransport
    session: aiohttp.ClientSession
    responses: list[str] = field(default_factory=list)

    async def post(
        self, path: str, body: bytes | Any, *, headers: Mapping[str, str] | None = None,
        token: str | None = TOKEN, content_type: str = "application/json",
    ) -> tuple[int, Any]:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        hdrs = {"Content-Type": content_type}
        if token is not None:
            hdrs["Authorization"] = f"Bearer {token}"
        hdrs.update(headers or {})
        async with self.session.post(self.url + path, data=raw, headers=hdrs) as resp:
            text = await resp.text()
            self.responses.append(text)
            try:
                return resp.status, json.loads(text)
            except ValueError:
                return resp.status, text

    async def sentry_webhook(self, resource: str | None, body: bytes, *,
                             secret: str = SECRET) -> tuple[int, Any]:
        sig = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        headers = {"Sentry-Hook-Signature": sig, "Request-ID": "0" * 32,
                   "Sentry-Hook-Timestamp": str(int(time.time()))}
        if resource:
            headers["Sentry-Hook-Resource"] = resource
        return await self.post("/api/webhooks/sentry", body, headers=headers, token=None)

    async def get(self, path: str, token: str | None = None) -> tuple[int, Any]:
        return await self.request("GET", path, token)

    async def get_auth(self, path: str) -> tuple[int, Any]:
        return await self.request("GET", path, TOKEN)

    async def delete(self, path: str) -> tuple[int, Any]:
        return await self.request("DELETE", path, TOKEN)

    async def request(self, method: str, path: str, token: str | None) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        async with self.session.request(method, self.url + path, headers=headers) as resp:
            text = await resp.text()
            self.responses.append(text)
            try:
                return resp.status, json.loads(text)
            except ValueError:
                return resp.status, text

    def stored_bytes(self) -> bytes:
        """Every byte Relay wrote under its data directory (DB, WAL, generated files)."""
        return b"".join(p.read_bytes() for p in sorted(self.data_dir.rglob("*")) if p.is_file())

    async def stop(self) -> None:
        await self.runner.cleanup()
        await self.session.close()
        sentry_sdk.get_client().close()


def env_for(tmp_path: Path, slack: FakeSlack | None, pd: FakePagerDuty | None,
            **extra: str) -> dict[str, str]:
    env = {
        "SENTRY_ENVIRONMENT": "development",
        "SENTRY_WEBHOOK_SECRET": SECRET,
        "RELAY_API_TOKENS": f"e2e:{TOKEN}",
        "RELAY_HASH_KEY": HASH_KEY,
        "RELAY_DATA_DIR": str(tmp_path / "data"),
        "RELAY_ROUTING_FILE": str(tmp_path / "no-routing-file.yaml"),
        "RELAY_RETRY_CAP_SECONDS": "1",
        "RELAY_REQUEST_TIMEOUT_SECONDS": "2",
        "RELAY_SHUTDOWN_GRACE_SECONDS": "1",
    }
    if slack is not None:
        env["SLACK_WEBHOOK_URL"] = slack.webhook_url
    if pd is not None:
        env["PAGERDUTY_INTEGRATION_KEY"] = pd.routing_key
        env["PAGERDUTY_EVENTS_URL"] = pd.events_url
    env.update(extra)
    return env


async def start_relay(env: Mapping[str, str],
                      clock: Callable[[], float] = time.time) -> RunningRelay:
    settings = load_settings(env)
    assert check_secrets(settings) == []
    routing = load_routing(settings, env)
    runtime = await build_runtime(settings, routing, clock)
    logs = io.StringIO()
    configure_logging(runtime.scrubber, "DEBUG", json=True, stream=logs)
    transport = MemoryTransport()
    runtime.sentry_enabled = init_sentry(settings, runtime.scrubber, transport=transport)
    runner = web.AppRunner(create_app(runtime), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return RunningRelay(f"http://{host}:{port}", runtime, runner, logs, settings.relay_data_dir,
                        transport, aiohttp.ClientSession())


async def eventually(predicate: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.02)


def fixture_bytes(name: str) -> bytes:
    """A fixture as Sentry puts it on the wire: compact, ASCII-escaped JSON."""
    return compact(json.loads((FIXTURES / name).read_text()))


def compact(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=True).encode()


#: resource header for each integration-platform fixture
RESOURCES = {
    "comment.created.json": "comment",
    "error.created.json": "error",
    "event_alert.triggered.docs.json": "event_alert",
    "event_alert.triggered.json": "event_alert",
    "event_alert.triggered.sample_event.json": "event_alert",
    "installation.created.json": "installation",
    "issue.assigned.team.json": "issue",
    "issue.assigned.user.json": "issue",
    "issue.created.docs.json": "issue",
    "issue.created.json": "issue",
    "issue.created.modern.json": "issue",
    "issue.ignored.json": "issue",
    "issue.resolved.json": "issue",
    "issue.unresolved.json": "issue",
    "metric_alert.critical.json": "metric_alert",
    "metric_alert.resolved.json": "metric_alert",
    "metric_alert.warning.json": "metric_alert",
}
LEGACY = ("legacy_plugin.json", "legacy_plugin.exception.json")
