"""The local sink: both strict fakes on one port, with a page showing what they received.

docker-compose points Relay's Slack webhook and PagerDuty events URL at this one service, so
a demo shows end to end what Slack and PagerDuty would get — or why they would refuse it.
The fakes do all validation; this module only mounts them side by side and keeps the newest
outcomes (with wall-clock times) for `GET /` (HTML, auto-refreshing) and `GET /received.json`.
"""

from __future__ import annotations

import html
import json
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import structlog
from aiohttp import web

from relay.fakes.pagerduty import FakePagerDuty
from relay.fakes.server import Handled, new_app, serve
from relay.fakes.slack import FakeSlack

log = structlog.get_logger(__name__)

REFRESH_SECONDS = 3
_SUMMARY_CHARS = 200


@dataclass(frozen=True)
class Seen:
    """An outcome and when it happened (wall clock, for people reading the page)."""

    at: float
    handled: Handled

    def as_json(self) -> dict[str, Any]:
        h = self.handled
        doc: dict[str, Any] = {
            "at": _iso(self.at), "receiver": h.receiver, "path": mask(h.path),
            "status": h.status,
        }
        if h.verdict == "accepted":
            doc.update(target=mask(h.target), summary=summary(h), body=h.body)
        else:
            doc.update(verdict=h.verdict, reason=h.reason, errors=list(h.errors))
        return doc


class LocalSink:
    """FakeSlack and FakePagerDuty on one aiohttp app, plus `/`, `/received.json`, `/healthz`.

    `keep` bounds both what the page lists and the fakes' own records, so a demo left
    running for days does not grow without end.
    """

    def __init__(self, slack: FakeSlack, pagerduty: FakePagerDuty, *, keep: int = 200,
                 wall_clock: Callable[[], float] = time.time) -> None:
        if keep < 1:
            raise ValueError("keep must be at least 1")
        self.slack, self.pagerduty = slack, pagerduty
        self.wall_clock = wall_clock
        self.accepted: dict[str, deque[Seen]] = {
            fake.name: deque(maxlen=keep) for fake in (slack, pagerduty)
        }
        self.refused: deque[Seen] = deque(maxlen=keep)
        self.base_url = ""
        self._runner: web.AppRunner | None = None
        for fake in (slack, pagerduty):
            fake.keep = keep if fake.keep is None else min(fake.keep, keep)
            fake.watch(self.record)

    def record(self, handled: Handled) -> None:
        seen = Seen(self.wall_clock(), handled)
        if handled.verdict == "accepted":
            self.accepted[handled.receiver].append(seen)
        else:
            self.refused.append(seen)

    # -- HTTP ------------------------------------------------------------------------------

    def app(self) -> web.Application:
        app = new_app()
        self.slack.mount(app)
        self.pagerduty.mount(app)
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/received.json", self._received_json)
        app.router.add_get("/", self._page)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on host:port (0: a free port); return the base URL."""
        if self._runner is None:
            self._runner, self.base_url = await serve(self.app(), host, port)
            for fake in (self.slack, self.pagerduty):
                fake.base_url = self.base_url  # so fake.webhook_url / events_url work
        return self.base_url

    async def close(self) -> None:
        for fake in (self.slack, self.pagerduty):
            await fake.close()  # releases any hung request
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _healthz(self, _request: web.Request) -> web.Response:
        return web.Response(text="ok")

    async def _received_json(self, _request: web.Request) -> web.Response:
        return web.Response(text=json.dumps(self.snapshot(), indent=1),
                            content_type="application/json")

    async def _page(self, _request: web.Request) -> web.Response:
        return web.Response(text=render_page(self.snapshot()), content_type="text/html")

    def snapshot(self) -> dict[str, Any]:
        """Newest first: accepted Slack messages, PagerDuty events, and refusals."""
        return {
            "slack": [s.as_json() for s in reversed(self.accepted[self.slack.name])],
            "pagerduty": [s.as_json() for s in reversed(self.accepted[self.pagerduty.name])],
            "rejected": [s.as_json() for s in reversed(self.refused)],
            "counts": {
                "slack": len(self.accepted[self.slack.name]),
                "pagerduty": len(self.accepted[self.pagerduty.name]),
                "rejected": len(self.refused),
                "rate_limited": self.slack.rate_limited + self.pagerduty.rate_limited,
            },
        }


def log_handled(handled: Handled) -> None:
    """One line per decided request: credentials masked, no message content (the page has it).

    Event names: sink.accepted, sink.rejected, sink.rate_limited, sink.injected.
    """
    if handled.verdict == "accepted":
        log.info("sink.accepted", receiver=handled.receiver, target=mask(handled.target),
                 status=handled.status)
        return
    log.warning(f"sink.{handled.verdict}", receiver=handled.receiver, path=mask(handled.path),
                status=handled.status, reason=handled.reason, errors=len(handled.errors))


# -- what a person reads (pure) -------------------------------------------------------------


def mask(value: str) -> str:
    """A webhook path or routing key with its secret part hidden; anything else as it is."""
    if value.startswith("/services/") and value.count("/") >= 4:
        return value.rsplit("/", 1)[0] + "/…"
    if len(value) == 32 and value.isalnum():
        return "…" + value[-4:]
    return value



def summary(handled: Handled) -> str:
    """One line for an accepted body: Slack's first text, PagerDuty's action and summary."""
    body = handled.body if isinstance(handled.body, dict) else {}
    if handled.receiver == "pagerduty":
        payload = body.get("payload")
        payload = payload if isinstance(payload, dict) else {}
        parts = [body.get("event_action"), payload.get("severity"), payload.get("summary"),
                 f"dedup_key={body.get('dedup_key')}" if body.get("dedup_key") else None]
        line = " · ".join(str(p) for p in parts if p)
    else:  # as Slack shows it: its three escapes undone
        line = next(_texts(body), "")
        line = line.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return line[:_SUMMARY_CHARS]


def _texts(value: Any) -> Iterator[str]:
    """Every `text` string in a Slack body, top-level first, then blocks and attachments."""
    if isinstance(value, dict):
        if isinstance(value.get("text"), str) and value["text"].strip():
            yield value["text"]
        for key in ("blocks", "attachments", "text", "fields", "elements"):
            if isinstance(value.get(key), dict | list):
                yield from _texts(value[key])
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def render_page(snapshot: dict[str, Any]) -> str:
    """The HTML page; every received value is escaped (the bodies are untrusted)."""
    counts = snapshot["counts"]
    sections = [
        _section(f"Slack — {counts['slack']} accepted", snapshot["slack"], _accepted_item),
        _section(f"PagerDuty — {counts['pagerduty']} accepted", snapshot["pagerduty"],
                 _accepted_item),
        _section(f"Rejected — {counts['rejected']} (rate-limited: {counts['rate_limited']})",
                 snapshot["rejected"], _rejected_item),
    ]
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<meta http-equiv='refresh' content='{REFRESH_SECONDS}'>"
        "<title>Relay local sink</title><style>"
        "body{font:14px system-ui,sans-serif;margin:1.5em;max-width:70em}"
        "li{margin:.4em 0}time{color:#666;font-family:monospace}"
        ".bad{color:#a00}pre{background:#f4f4f4;padding:.5em;overflow:auto;max-height:20em}"
        "</style></head><body><h1>Relay local sink</h1>"
        "<p>Strict fakes of Slack (incoming webhooks, chat.postMessage) and PagerDuty "
        "(Events v2). Newest first; refreshes every "
        f"{REFRESH_SECONDS} s. Raw: <a href='/received.json'>/received.json</a>.</p>"
        + "".join(sections) + "</body></html>"
    )


def _section(title: str, items: list[dict[str, Any]],
             render: Callable[[dict[str, Any]], str]) -> str:
    body = "".join(render(item) for item in items) or "<li><em>nothing yet</em></li>"
    return f"<h2>{html.escape(title)}</h2><ul>{body}</ul>"


def _accepted_item(item: dict[str, Any]) -> str:
    raw = json.dumps(item["body"], indent=2, ensure_ascii=False)
    return (f"<li><time>{_e(item['at'])}</time> {_e(item['target'])}: "
            f"<strong>{_e(item['summary'])}</strong>"
            f"<details><summary>body</summary><pre>{_e(raw)}</pre></details></li>")


def _rejected_item(item: dict[str, Any]) -> str:
    errors = "".join(f"<li>{_e(e)}</li>" for e in item["errors"])
    return (f"<li class='bad'><time>{_e(item['at'])}</time> {_e(item['receiver'])} "
            f"{_e(item['path'])} → {item['status']} <strong>{_e(item['reason'])}</strong>"
            + (f"<ul>{errors}</ul>" if errors else "") + "</li>")


def _e(value: Any) -> str:
    return html.escape(str(value))


def _iso(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat(timespec="milliseconds")
