"""Redis outbox benchmark: accepted enqueues/s with one and two replicas, lease costs.

    .venv/bin/python bench/redis_bench.py [--url redis://127.0.0.1:6379/0] [--seconds 3]

Each "replica" is its own process with its own connection pool, enqueueing a scrubbed
alert to two receivers (one script call each) from `--concurrency` tasks, as the HTTP
handler would under a burst. Keys live under a fresh `relay-bench-<id>:` prefix and are
deleted at the end. Targets: enqueue p99 well under Sentry's 1 s webhook budget (aim
< 10 ms) and >= 1,000 accepted alerts/s per replica; a lease call stays cheap even with a
large backlog backing off (it scans the receiver's schedule set).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import statistics
import time
import uuid

import redis

from relay.model import Alert, Severity, Source
from relay.outbox.redis import RedisOutbox
from relay.redis_state import client_from_url

T0 = 1_700_000_000.0


def alert(n: int) -> Alert:
    return Alert(source=Source.DIRECT, severity=Severity.WARNING, service="billing",
                 title=f"Queue lag high on shard {n}", fingerprint=f"fp-{n % 500}")


async def _enqueue_for(url: str, prefix: str, seconds: float, concurrency: int,
                       name: str) -> tuple[int, list[float]]:
    box = RedisOutbox(client_from_url(url, socket_timeout=2.0), prefix=prefix, consumer=name)
    latencies: list[float] = []
    end = time.monotonic() + seconds

    async def worker(w: int) -> None:
        i = 0
        while time.monotonic() < end:
            started = time.perf_counter()
            await box.enqueue(alert(w * 1_000_000 + i), ["slack", "pagerduty"], T0)
            latencies.append(time.perf_counter() - started)
            i += 1

    await asyncio.gather(*(worker(w) for w in range(concurrency)))
    await box.close()
    return len(latencies), latencies


def _replica(args: tuple[str, str, float, int, str]) -> tuple[int, list[float]]:
    return asyncio.run(_enqueue_for(*args))


def enqueue_rate(url: str, prefix: str, replicas: int, seconds: float,
                 concurrency: int) -> None:
    ctx = mp.get_context("spawn")
    with ctx.Pool(replicas) as pool:
        started = time.monotonic()
        results = pool.map(_replica, [(url, prefix, seconds, concurrency, f"bench-{r}")
                                      for r in range(replicas)])
        elapsed = time.monotonic() - started
    total = sum(n for n, _ in results)
    lat = sorted(x for _, xs in results for x in xs)
    p50 = statistics.median(lat) * 1000
    p99 = lat[int(len(lat) * 0.99)] * 1000
    print(f"enqueue  replicas={replicas} concurrency={concurrency}/replica: "
          f"{total / seconds:,.0f} alerts/s (x2 receivers), p50 {p50:.2f} ms, "
          f"p99 {p99:.2f} ms  [wall {elapsed:.1f}s incl. process start]")


async def lease_costs(url: str, prefix: str, backlog: int) -> None:
    box = RedisOutbox(client_from_url(url, socket_timeout=5.0), prefix=prefix, consumer="b")
    for chunk in range(0, backlog, 200):
        await asyncio.gather(*(box.enqueue(alert(i), ["r"], T0)
                               for i in range(chunk, min(backlog, chunk + 200))))
    started = time.perf_counter()
    drained = 0
    while rows := await box.lease("r", 50, 30, T0):
        await box.delivered([d.id for d in rows], T0)
        drained += len(rows)
    elapsed = time.perf_counter() - started
    print(f"drain    {drained} rows in batches of 50 (lease + delivered): "
          f"{drained / elapsed:,.0f} rows/s")

    # a receiver outage: the whole backlog is backing off; each lease scans the schedule
    for chunk in range(0, backlog, 200):
        await asyncio.gather(*(box.enqueue(alert(i), ["r"], T0)
                               for i in range(chunk, min(backlog, chunk + 200))))
    while rows := await box.lease("r", 500, 30, T0):
        await asyncio.gather(*(box.retry_later(d.id, T0 + 3600, "http_503") for d in rows))
    times = []
    for _ in range(20):
        started = time.perf_counter()
        assert await box.lease("r", 50, 30, T0 + 1) == []
        times.append(time.perf_counter() - started)
    print(f"lease    with {backlog} rows backing off: "
          f"median {statistics.median(times) * 1000:.1f} ms per call")
    await box.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--backlog", type=int, default=5000)
    args = parser.parse_args()
    prefix = f"relay-bench-{uuid.uuid4().hex[:8]}:"
    try:
        for replicas in (1, 2):
            enqueue_rate(args.url, prefix, replicas, args.seconds, args.concurrency)
        asyncio.run(lease_costs(args.url, f"{prefix}lease:", args.backlog))
    finally:
        sync = redis.Redis.from_url(args.url)
        keys = list(sync.scan_iter(match=f"{prefix}*", count=1000))
        if keys:
            sync.delete(*keys)
        sync.close()


if __name__ == "__main__":
    main()
