"""The egress guard's redactions never cost a delivery: after the guard, the sink's own `fit`
brings the body back within the receiver's limits, and the strict fakes (which refuse an
over-limit body as Slack and PagerDuty do) take it.

The rows are put in the outbox directly, holding what ingest's scrubber did not catch: the
case the guard exists for (a detector learned since the row was queued, or a formatter
assembled something identifying).
"""
# ruff: noqa: F811  (pytest fixtures imported by name)

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from delivery_helpers import wait_for

from relay import metrics
from relay.delivery import Deliverer, DeliverySettings
from relay.egress import guard
from relay.fakes.pagerduty import check_event
from relay.fakes.slack_rules import check_message
from relay.model import Alert, Severity, Source
from relay.outbox.base import ReceiverStats
from relay.outbox.sqlite import SqliteOutbox
from relay.pacing import MemoryPacer
from relay.scrub import Scrubber
from relay.sinks.base import Sink
from relay.sinks.pagerduty import SUMMARY_MAX, PagerDutySink
from relay.sinks.slack import HEADER_MAX, SECTION_TEXT_MAX, SlackSink
from tests.fakes import FakePagerDuty, FakeSlack
from tests.fakes.fixtures import make_fake_pagerduty, make_fake_slack  # noqa: F401  (fixtures)

FAST = DeliverySettings(request_timeout=2, backoff_base=0.05, backoff_cap=0.2, lease_seconds=5,
                        slack_rate=1000, slack_burst=1000, pagerduty_rate=1000,
                        pagerduty_burst=1000, poll_interval=0.05, gauge_interval=0.1)
PHI = "ab@cd.io"  # shorter than the "[REDACTED:EMAIL]" that replaces it
EMAIL = "[REDACTED:EMAIL]"


def leaky_alert() -> Alert:
    return Alert(source=Source.DIRECT, severity=Severity.CRITICAL, service="intake",
                 title=f"Login failed for {PHI} " + "w" * 200,
                 message=f"contact {PHI}, " * 170, fingerprint="direct:intake:login")


@pytest.fixture
async def outbox(tmp_path: Path) -> AsyncIterator[SqliteOutbox]:
    box = SqliteOutbox(tmp_path / "o.db")
    await box.open()
    yield box
    await box.close()


@pytest.fixture
async def deliver(outbox: SqliteOutbox) -> AsyncIterator[Callable[[Sink], Awaitable[None]]]:
    started: list[Deliverer] = []
    async with aiohttp.ClientSession() as session:
        async def start(sink: Sink) -> None:
            d = Deliverer(outbox=outbox, sinks={sink.name: sink}, pacer=MemoryPacer(),
                          scrubber=Scrubber(), session=session, settings=FAST)
            await d.start()
            started.append(d)

        yield start
        for d in started:
            await d.stop(1)


def counter(metric: Any, **labels: str) -> float:
    return float(metric.labels(**labels)._value.get())


async def test_slack_body_grown_by_redaction_is_fitted_and_delivered(
    outbox: SqliteOutbox, deliver: Callable[[Sink], Awaitable[None]],
    make_fake_slack: Callable[..., Awaitable[FakeSlack]],
) -> None:
    slack = await make_fake_slack(rate=None)
    sink = SlackSink("ops", webhook_url=slack.webhook_url)
    alert = leaky_alert()
    # Without the fit, Slack would refuse this for good (-> a dead letter):
    guarded, _ = guard(sink.format(alert), Scrubber())
    assert check_message(guarded).code == "invalid_blocks"

    before = counter(metrics.PHI_REDACTIONS, kind="EMAIL", stage="egress")
    await outbox.enqueue(alert, ["ops"], time.time())
    await deliver(sink)
    await wait_for(lambda: len(slack.received) == 1)
    assert slack.rejected == [] and slack.violations == []
    body = slack.received[0]
    assert PHI not in json.dumps(body)
    blocks = body["attachments"][0]["blocks"]
    header, section = blocks[0]["text"]["text"], blocks[2]["text"]["text"]
    assert len(header) == HEADER_MAX and EMAIL in header
    assert len(section) <= SECTION_TEXT_MAX and EMAIL in section
    assert EMAIL in body["text"]
    assert counter(metrics.PHI_REDACTIONS, kind="EMAIL", stage="egress") > before
    st = await settled(outbox)
    assert (st.delivered, st.dead) == (1, 0)


async def test_pagerduty_summary_grown_by_redaction_is_fitted_and_delivered(
    outbox: SqliteOutbox, deliver: Callable[[Sink], Awaitable[None]],
    make_fake_pagerduty: Callable[..., Awaitable[FakePagerDuty]],
) -> None:
    pd = await make_fake_pagerduty(rate_per_minute=None)
    sink = PagerDutySink("pd", routing_key=pd.routing_key, events_url=pd.events_url)
    alert = leaky_alert().model_copy(
        update={"title": f"Login failed for {PHI} " + "w" * 1100})
    guarded, _ = guard(sink.format(alert), Scrubber())
    assert check_event(guarded) == ["'summary' is too long (maximum is 1024 characters)"]

    await outbox.enqueue(alert, ["pd"], time.time())
    await deliver(sink)
    await wait_for(lambda: len(pd.received) == 1)
    assert pd.rejected == []
    event = pd.received[0]
    assert PHI not in json.dumps(event)
    summary = event["payload"]["summary"]
    assert len(summary) == SUMMARY_MAX and summary.startswith(f"Login failed for {EMAIL}")
    assert pd.open_incidents()[0].dedup_key == event["dedup_key"]
    st = await settled(outbox)
    assert (st.delivered, st.dead) == (1, 0)


async def settled(outbox: SqliteOutbox) -> ReceiverStats:
    """The one receiver's stats once its row left the pending state (the fake answers
    before the worker records the outcome)."""
    deadline = time.monotonic() + 10
    while True:
        (st,) = await outbox.stats(time.time())
        if st.pending == 0 or time.monotonic() > deadline:
            return st
        await asyncio.sleep(0.02)
