"""The strict fake Slack and PagerDuty in their own process, for bench/ingest_bench.py.

    python bench/fakes_server.py [--max-seconds 1800]

Prints one JSON line `{"slack_webhook_url", "pagerduty_events_url", "pagerduty_routing_key",
"control_url"}` and serves until SIGTERM/SIGINT, its parent's death, or `--max-seconds`.
`GET <control_url>/stats` tallies what the fakes accepted, so the benchmark can tell when a
storm is drained without sharing the relay's CPU or memory:

- Slack: single messages by severity (the fallback text `[warning] svc (env): title`) and
  digests with their per-severity counts (`Alert storm: N alerts folded (a critical, b
  warning)`), plus refusals and 429s;
- PagerDuty: accepted events by action, distinct dedup keys, refusals and 429s.

Limits are the fakes' production-like defaults: Slack 1 msg/s with a burst of 3 per
webhook, PagerDuty 120 events/min per routing key.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import signal
from collections import Counter
from typing import Any

from aiohttp import web

from relay.fakes.pagerduty import FakePagerDuty
from relay.fakes.slack import FakeSlack

_SINGLE = re.compile(r"^(?:Resolved: )?\[(\w+)\] ")
_DIGEST = re.compile(r"^Alert storm: (\d+) alerts folded \((.*)\)$")
_COUNT = re.compile(r"(\d+) (\w+)")


def slack_tally(bodies: list[dict[str, Any]]) -> dict[str, Any]:
    singles: Counter[str] = Counter()
    folded: Counter[str] = Counter()
    digests = 0
    digest_sizes: list[int] = []
    unknown = 0
    for body in bodies:
        text = str(body.get("text", ""))
        if m := _DIGEST.match(text):
            digests += 1
            digest_sizes.append(int(m.group(1)))
            for n, severity in _COUNT.findall(m.group(2)):
                folded[severity.lower()] += int(n)
        elif m := _SINGLE.match(text):
            singles[m.group(1).lower()] += 1
        else:
            unknown += 1
    return {"messages": len(bodies), "singles": dict(singles), "digests": digests,
            "digest_sizes": digest_sizes, "folded": dict(folded), "unknown": unknown}


def pagerduty_tally(events: list[dict[str, Any]]) -> dict[str, Any]:
    actions = Counter(str(e.get("event_action")) for e in events)
    keys = {e.get("dedup_key") for e in events if e.get("event_action") == "trigger"}
    return {"events": len(events), "actions": dict(actions), "distinct_trigger_keys": len(keys)}


async def serve(max_seconds: float) -> None:
    slack = FakeSlack()
    pagerduty = FakePagerDuty()
    await slack.start()
    await pagerduty.start()

    async def stats(_request: web.Request) -> web.Response:
        return web.json_response({
            "slack": {**slack_tally(slack.received), "rate_limited": slack.rate_limited,
                      "rejected": len(slack.rejected)},
            "pagerduty": {**pagerduty_tally(pagerduty.received),
                          "rate_limited": pagerduty.rate_limited,
                          "rejected": len(pagerduty.rejected)},
        })

    control = web.Application()
    control.add_routes([web.get("/stats", stats)])
    runner = web.AppRunner(control, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    print(json.dumps({
        "slack_webhook_url": slack.webhook_url,
        "pagerduty_events_url": pagerduty.events_url,
        "pagerduty_routing_key": pagerduty.routing_key,
        "control_url": f"http://{host}:{port}",
    }), flush=True)

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    parent = os.getppid()

    async def orphaned() -> None:  # the benchmark died without signalling: end too
        while os.getppid() == parent:
            await asyncio.sleep(1.0)
        stop.set()

    watchdog = asyncio.create_task(orphaned())
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), max_seconds)
    watchdog.cancel()
    await runner.cleanup()
    await slack.close()
    await pagerduty.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--max-seconds", type=float, default=1800.0)
    asyncio.run(serve(p.parse_args().max_seconds))


if __name__ == "__main__":
    main()
