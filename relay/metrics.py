"""Every Prometheus metric Relay exports, in one place. Labels never carry alert content."""

from __future__ import annotations

from collections.abc import Mapping

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

ALERTS_RECEIVED = Counter(
    "relay_alerts_received", "Alerts accepted at ingest", ["source"], registry=REGISTRY
)
ALERTS_DEDUPLICATED = Counter(
    "relay_alerts_deduplicated", "Repeats counted inside the dedup window", ["source"],
    registry=REGISTRY,
)
ALERTS_SUPPRESSED = Counter(
    "relay_alerts_suppressed", "Alerts muted (silence, window, inhibition, no route)",
    ["reason"], registry=REGISTRY,
)
INGEST_REJECTED = Counter(
    "relay_ingest_rejected", "Requests refused at ingest", ["reason"], registry=REGISTRY
)
DELIVERIES = Counter(
    "relay_deliveries", "Delivery attempts by outcome", ["receiver", "outcome"],
    registry=REGISTRY,
)
DELIVERY_LATENCY = Histogram(
    "relay_delivery_latency_seconds", "From acceptance to receiver's 2xx", ["receiver"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600),
    registry=REGISTRY,
)
OUTBOX_DEPTH = Gauge(
    "relay_outbox_depth", "Pending deliveries", ["receiver"], registry=REGISTRY
)
OUTBOX_OLDEST_AGE = Gauge(
    "relay_outbox_oldest_age_seconds", "Age of the oldest pending delivery", ["receiver"],
    registry=REGISTRY,
)
DEAD_LETTERS = Gauge(
    "relay_dead_letters", "Deliveries in the dead letters", ["receiver"], registry=REGISTRY
)
CIRCUIT_OPEN = Gauge(
    "relay_circuit_open", "1 while a receiver's circuit breaker is open", ["receiver"],
    registry=REGISTRY,
)
DIGESTS = Counter(
    "relay_digests", "Digest messages sent", ["receiver"], registry=REGISTRY
)
DIGEST_FOLDED = Counter(
    "relay_digest_folded_alerts", "Alerts folded into digests", ["receiver"], registry=REGISTRY
)
PHI_REDACTIONS = Counter(
    "relay_phi_redactions", "Redactions by identifier kind and stage", ["kind", "stage"],
    registry=REGISTRY,
)


def count_redactions(counts: Mapping[str, int], stage: str) -> None:
    """Feed a scrubber report (counts by kind, never values) into the redaction metric."""
    for kind, n in counts.items():
        PHI_REDACTIONS.labels(kind=kind, stage=stage).inc(n)
ORPHANED = Counter(
    "relay_deliveries_orphaned",
    "Deliveries moved to the dead letters because their receiver left the routing file",
    ["receiver"], registry=REGISTRY,
)
