"""The running relay's parts, built once from settings: the one place that wires backends.

SQLite (embedded default) or Redis (`RELAY_REDIS_URL`) is chosen here and nowhere else;
everything downstream sees only the Outbox/DedupStore/Pacer contracts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import aiohttp
import structlog
from aiohttp import web

from relay.config import (
    ReceiverSpec,
    RoutingConfig,
    Settings,
    configured,
    load_routing,
)
from relay.dedup import DedupStore, MemoryDedupStore
from relay.delivery import Deliverer, DeliverySettings, dead_letter_removed
from relay.errors import ConfigError
from relay.ingest.common import SeverityMap
from relay.inhibit import Inhibitor, InhibitState
from relay.mute import MemoryMutedTriggers, MutedTriggers, Muter
from relay.outbox.base import Outbox, OutboxUnavailable
from relay.pacing import MemoryPacer, Pacer
from relay.pipeline import Pipeline
from relay.ratelimit import IngestLimiter
from relay.scrub import Scrubber, ScrubConfig
from relay.silence_store import RedisSilenceStore, SilenceStore, SqliteSilenceStore
from relay.sinks.base import Sink
from relay.sinks.pagerduty import PagerDutySink
from relay.sinks.slack import SlackSink

log = structlog.get_logger(__name__)


def build_scrubber(routing: RoutingConfig) -> Scrubber:
    spec = routing.scrub
    return Scrubber(ScrubConfig(sensitive_keys=spec.sensitive_keys, patterns=spec.patterns,
                                allowlist=spec.allowlist))


def build_sink(spec: ReceiverSpec) -> Sink:
    if spec.kind == "slack":
        return SlackSink(spec.name, webhook_url=spec.webhook_url, bot_token=spec.bot_token,
                         channel=spec.channel, api_url=spec.api_url or "https://slack.com/api")
    assert spec.routing_key is not None
    return PagerDutySink(spec.name, routing_key=spec.routing_key,
                         events_url=spec.events_url or "https://events.pagerduty.com/v2/enqueue")


def usable_sinks(routing: RoutingConfig) -> dict[str, Sink]:
    """Sinks for the receivers that have credentials; the others are named in the log."""
    sinks: dict[str, Sink] = {}
    for name, spec in routing.receivers.items():
        if configured(spec):
            sinks[name] = build_sink(spec)
        else:
            log.warning("receiver.unconfigured", receiver=name, kind=spec.kind)
    return sinks


def delivery_settings(settings: Settings) -> DeliverySettings:
    """Pacing stays strictly inside each receiver's documented limit, with margin for
    network jitter: Slack takes ~1/s with short bursts (we burst 2, not its 3); PagerDuty
    counts 120 per rolling minute, so burst + rate x 60 s must not exceed the budget."""
    per_minute = settings.relay_pagerduty_rate_per_minute
    pd_burst = max(1.0, min(10.0, per_minute / 12))
    return DeliverySettings(
        request_timeout=settings.relay_request_timeout_seconds,
        backoff_cap=settings.relay_retry_cap_seconds,
        max_age=settings.relay_max_age_seconds,
        digest_threshold=settings.relay_digest_threshold,
        digest_max_age=settings.relay_digest_max_age_seconds,
        slack_rate=settings.relay_slack_rate_per_second,
        slack_burst=2.0,
        pagerduty_rate=max(per_minute - pd_burst, 1.0) / 60.0,
        pagerduty_burst=pd_burst,
        shutdown_grace=settings.relay_shutdown_grace_seconds,
        lease_seconds=settings.relay_lease_seconds,
    )


@dataclass
class Runtime:
    settings: Settings
    routing: RoutingConfig
    scrubber: Scrubber
    outbox: Outbox
    dedup: DedupStore
    pacer: Pacer
    sinks: Mapping[str, Sink]
    tokens: Mapping[str, str]
    silences: SilenceStore | None = None
    inhibit_state: InhibitState | None = None  # shared in Redis; per process otherwise
    # shared in Redis; per process otherwise; outlives reloads (a resolve may follow one)
    muted: MutedTriggers = field(default_factory=MemoryMutedTriggers)
    clock: Callable[[], float] = time.time
    sentry_enabled: bool = False
    session: aiohttp.ClientSession | None = None
    deliverer: Deliverer | None = None
    pipeline: Pipeline = field(init=False)
    severity_map: SeverityMap = field(init=False)
    ingest_limiter: IngestLimiter = field(init=False)

    def __post_init__(self) -> None:
        # the delivery pacer's store: one bucket per caller, shared by replicas on Redis
        self.ingest_limiter = IngestLimiter(self.pacer, rate=self.settings.relay_ingest_rate,
                                            burst=self.settings.relay_ingest_burst,
                                            clock=self.clock)
        self._configure()

    def _configure(self) -> None:
        """Derive everything that depends on the routing file (again, on reload)."""
        self.severity_map = SeverityMap.with_overrides(self.routing.severity_map)
        self.muter = Muter(self.silences,
                           Inhibitor(self.routing.inhibit_rules, self.inhibit_state),
                           self.muted)
        self.pipeline = Pipeline(
            scrubber=self.scrubber, dedup=self.dedup, routing=self.routing,
            usable=frozenset(self.sinks), outbox=self.outbox,
            window=self.settings.relay_dedup_window_seconds, clock=self.clock,
            wake=self._wake, fingerprint_key=self.settings.hash_key(), muter=self.muter,
        )

    def _wake(self, receivers: Sequence[str]) -> None:
        if self.deliverer is not None:
            for r in receivers:
                self.deliverer.wake(r)

    async def start(self) -> None:
        await self.outbox.open()
        if self.silences is not None:
            await self.silences.open()
        self.session = aiohttp.ClientSession()
        await self._dead_letter_removed()
        await self._start_deliverer()
        log.info("relay.started", backend=self.outbox.backend, receivers=sorted(self.sinks))

    async def _start_deliverer(self) -> None:
        assert self.session is not None
        self.deliverer = Deliverer(
            outbox=self.outbox, sinks=self.sinks, pacer=self.pacer, scrubber=self.scrubber,
            session=self.session, clock=self.clock, settings=delivery_settings(self.settings),
        )
        await self.deliverer.start()

    async def reload(self) -> list[str]:
        """Re-read the routing file; keep the running configuration if it is invalid.

        Returns the problems (empty on success). Delivery workers restart with the new
        receivers; rows in flight finish within the grace or stay in the outbox.
        """
        try:
            routing = load_routing(self.settings)
            scrubber = build_scrubber(routing)
        except (ConfigError, ValueError) as exc:
            problems = exc.problems if isinstance(exc, ConfigError) else [str(exc)]
            log.error("config.reload_rejected", problems=problems)
            return problems
        self.routing, self.scrubber, self.sinks = routing, scrubber, usable_sinks(routing)
        self._configure()
        if self.deliverer is not None:
            await self.deliverer.stop(self.settings.relay_shutdown_grace_seconds)
            await self._dead_letter_removed()
            await self._start_deliverer()
        log.info("config.reloaded", origin=routing.origin, receivers=sorted(self.sinks))
        return []

    async def _dead_letter_removed(self) -> None:
        """Rows of receivers gone from the routing file become dead letters (see delivery);
        an outbox outage only postpones that to the next start or reload."""
        try:
            await dead_letter_removed(self.outbox, frozenset(self.routing.receivers),
                                      self.clock())
        except OutboxUnavailable as exc:
            log.error("delivery.receiver_removed_failed", error=type(exc).__name__)

    async def stop(self) -> None:
        if self.deliverer is not None:
            await self.deliverer.stop(self.settings.relay_shutdown_grace_seconds)
        if self.session is not None:
            await self.session.close()
        await self.outbox.close()
        if self.silences is not None:
            await self.silences.close()
        log.info("relay.stopped")


async def build_runtime(settings: Settings, routing: RoutingConfig,
                        clock: Callable[[], float] = time.time,
                        scrubber: Scrubber | None = None) -> Runtime:
    """Construct the parts for these settings (connections are opened in `start`)."""
    scrubber = scrubber or build_scrubber(routing)
    sinks = usable_sinks(routing)
    outbox: Outbox
    dedup: DedupStore
    pacer: Pacer
    if settings.relay_redis_url is not None:
        from relay.outbox.redis import RedisOutbox
        from relay.redis_state import (
            RedisDedupStore,
            RedisInhibitState,
            RedisMutedTriggers,
            RedisPacer,
            connect,
        )

        client = await connect(settings.relay_redis_url.get_secret_value(),
                               prefix=settings.relay_redis_prefix)
        outbox = RedisOutbox(client, prefix=settings.relay_redis_prefix,
                             consumer=_consumer_name())
        dedup = RedisDedupStore(client, prefix=settings.relay_redis_prefix)
        pacer = RedisPacer(client, prefix=settings.relay_redis_prefix)
        silences: SilenceStore = RedisSilenceStore(client, settings.relay_redis_prefix)
        inhibit_state: InhibitState | None = RedisInhibitState(
            client, prefix=settings.relay_redis_prefix)
        muted: MutedTriggers = RedisMutedTriggers(client, prefix=settings.relay_redis_prefix)
    else:
        from relay.outbox.sqlite import SqliteOutbox

        settings.relay_data_dir.mkdir(parents=True, exist_ok=True)
        outbox = SqliteOutbox(settings.relay_data_dir / "outbox.sqlite3",
                              retention_seconds=settings.relay_outbox_retention_seconds,
                              synchronous=settings.relay_outbox_synchronous)
        dedup = MemoryDedupStore()
        pacer = MemoryPacer()
        silences = SqliteSilenceStore(settings.relay_data_dir / "silences.sqlite3")
        inhibit_state = None
        muted = MemoryMutedTriggers()
    return Runtime(settings=settings, routing=routing, scrubber=scrubber, outbox=outbox,
                   dedup=dedup, pacer=pacer, sinks=sinks, tokens=settings.api_tokens(),
                   silences=silences, inhibit_state=inhibit_state, muted=muted, clock=clock)


def _consumer_name() -> str:
    import os
    import socket

    return f"{socket.gethostname()}-{os.getpid()}"


RUNTIME: web.AppKey[Runtime] = web.AppKey("runtime", Runtime)
