"""`python -m relay.fakes`: the local sink — strict fake Slack and PagerDuty on one port.

docker-compose runs it as the `sink` service; its defaults are the webhook path and routing
key the compose file gives Relay, so `docker compose up` works without extra flags. Relay's
`SLACK_WEBHOOK_URL` is `http://<host>:<port><webhook-path>`, `PAGERDUTY_EVENTS_URL` is
`http://<host>:<port>/v2/enqueue`; a bot token posts to `<host>:<port>/api/chat.postMessage`.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import Sequence

import structlog

from relay.fakes.local_sink import LocalSink, log_handled, mask
from relay.fakes.pagerduty import FakePagerDuty
from relay.fakes.slack import DEFAULT_TOKEN, FakeSlack
from relay.observability import configure_logging
from relay.scrub import default_scrubber

DEFAULT_WEBHOOK_PATH = "/services/T0DEMO/B0DEMO/demowebhooksecret"
DEFAULT_ROUTING_KEY = "demo0000000000000000000000000key"

log = structlog.get_logger(__name__)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m relay.fakes",
        description="Strict fake Slack and PagerDuty on one port; what they got at GET /.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=9000)
    p.add_argument("--slack-rate", type=float, default=1.0,
                   help="Slack messages per second per webhook or channel (0: no limit)")
    p.add_argument("--slack-burst", type=int, default=3)
    p.add_argument("--pagerduty-rate-per-minute", type=int, default=120,
                   help="PagerDuty events per minute per routing key (0: no limit)")
    p.add_argument("--webhook-path", default=DEFAULT_WEBHOOK_PATH,
                   help="the incoming webhook that exists (others answer 404 no_service)")
    p.add_argument("--routing-key", default=DEFAULT_ROUTING_KEY,
                   help="the PagerDuty routing key accepted (32 letters and digits)")
    p.add_argument("--bot-token", default=DEFAULT_TOKEN,
                   help="the bot token chat.postMessage accepts")
    p.add_argument("--keep", type=int, default=200,
                   help="how many of the newest messages and refusals to keep and show")
    p.add_argument("--log-level", default="INFO")
    return p


def build(args: argparse.Namespace) -> LocalSink:
    """The sink the arguments describe; ValueError says which argument is unacceptable."""
    slack = FakeSlack(rate=args.slack_rate or None, burst=args.slack_burst,
                      tokens=(args.bot_token,), webhook_path=args.webhook_path)
    pagerduty = FakePagerDuty(rate_per_minute=args.pagerduty_rate_per_minute or None,
                              routing_key=args.routing_key, routing_keys=())
    return LocalSink(slack, pagerduty, keep=args.keep)


async def run(sink: LocalSink, host: str, port: int) -> None:
    """Serve until SIGTERM (docker stop) or SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    sink.slack.watch(log_handled)
    sink.pagerduty.watch(log_handled)
    url = await sink.start(host, port)
    log.info("sink.started", url=url, webhook_path=mask(sink.slack.webhook_url.removeprefix(url)),
             routing_key=mask(sink.pagerduty.routing_key))
    try:
        await stop.wait()
    finally:
        await sink.close()
        log.info("sink.stopped")


def main(argv: Sequence[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    try:
        sink = build(args)
    except ValueError as exc:
        p.error(str(exc))  # exits 2
    configure_logging(default_scrubber(), args.log_level.upper())
    asyncio.run(run(sink, args.host, args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
