"""Python load generator for bench/ingest_bench.py (aiohttp client, one process).

    python bench/loadgen.py closed --url URL --concurrency 64 --seconds 10
    python bench/loadgen.py open   --url URL --rate 1000 --seconds 15
    python bench/loadgen.py count  --url URL --count 10000 --concurrency 64 --critical-every 100

The bearer token comes from BENCH_TOKEN, the run id from BENCH_RUN. Prints one JSON line.

- `closed`: the fallback when wrk is absent (a Python client shares the 2 cores, so it
  under-reports the server; the benchmark says which generator it used).
- `open`: open loop at a fixed offered rate over 64 keep-alive connections (raw asyncio
  streams: cheap enough not to lag its own schedule). Request i is due at t0 + i/rate and
  its latency is measured from that due time, not from when a connection got round to
  sending it, so a slow server shows up as latency (no coordinated omission). Bounded:
  rate x seconds requests, each read with a timeout.
- `count`: exactly N alerts (the storm), as fast as `concurrency` allows.

Every body is a distinct direct alert (see `alert_body`); the same shape as bench/alerts.lua.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import aiohttp

SERVICES = ("billing", "scheduling", "intake", "notes", "claims", "portal", "video", "messaging")


def letters(i: int) -> str:
    """A letters-only id: Relay's derived fingerprint masks digits, so ids must not be digits."""
    s = ""
    while True:
        i, r = divmod(i, 26)
        s = chr(97 + r) + s
        if i == 0:
            return s


def alert_body(run: str, worker: int, n: int, critical: bool) -> bytes:
    """A distinct direct alert (title and dedup_key unique per run, worker and n)."""
    ident = f"{run}{letters(worker)}q{letters(n)}"
    service = SERVICES[n % len(SERVICES)]
    return json.dumps({
        "title": f"Queue lag high on {service} consumer {ident}",
        "severity": "critical" if critical else "warning",
        "service": service,
        "environment": "production",
        "message": f"Consumer lag above 5000 messages for 5 minutes on partition group "
                   f"{ident}; producer rate normal.",
        "dedup_key": f"bench-{run}-{worker}-{n}",
        "tags": {"team": "platform", "region": "eu-west-1"},
    }, separators=(",", ":")).encode()


def percentiles(latencies: list[float]) -> dict[str, float]:
    """Nearest-rank percentiles in milliseconds."""
    if not latencies:
        return {}
    xs = sorted(latencies)

    def at(p: float) -> float:
        return round(xs[min(len(xs) - 1, max(0, round(p / 100 * len(xs)) - 1))] * 1000, 2)

    return {"p50": at(50), "p90": at(90), "p99": at(99), "p999": at(99.9),
            "max": round(xs[-1] * 1000, 2), "mean": round(sum(xs) / len(xs) * 1000, 2)}


class Tally:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.accepted = 0
        self.not_accepted_202 = 0
        self.statuses: Counter[int] = Counter()
        self.errors: Counter[str] = Counter()
        self.severities: Counter[str] = Counter()

    async def post(self, session: aiohttp.ClientSession, url: str, body: bytes,
                   headers: dict[str, str], started: float, severity: str,
                   batch: int = 1) -> None:
        try:
            async with session.post(url, data=body, headers=headers) as resp:
                text = await resp.read()
                self.latencies.append(time.perf_counter() - started)
                if resp.status == 202 and batch > 1:
                    n = int(json.loads(text).get("accepted", 0))
                    self.accepted += n
                    self.not_accepted_202 += batch - n
                    self.severities[severity] += n
                elif resp.status == 202:
                    if b'"accepted"' in text:
                        self.accepted += 1
                        self.severities[severity] += 1
                    else:
                        self.not_accepted_202 += 1
                else:
                    self.statuses[resp.status] += 1
        except (aiohttp.ClientError, TimeoutError) as exc:
            self.errors[type(exc).__name__] += 1

    def report(self, seconds: float, **extra: Any) -> dict[str, Any]:
        return {"requests": len(self.latencies) + sum(self.errors.values()),
                "accepted": self.accepted, "not_accepted_202": self.not_accepted_202,
                "non_202": dict(self.statuses), "errors": dict(self.errors),
                "accepted_by_severity": dict(self.severities),
                "seconds": round(seconds, 3), "latency_ms": percentiles(self.latencies),
                **extra}


def _session(limit: int, timeout: float) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=limit),
                                 timeout=aiohttp.ClientTimeout(total=timeout))


def _headers() -> dict[str, str]:
    return {"Content-Type": "application/json",
            "Authorization": f"Bearer {os.environ.get('BENCH_TOKEN', '')}"}


async def closed_loop(url: str, concurrency: int, seconds: float, critical_every: int,
                      run: str, batch: int = 1) -> dict[str, Any]:
    tally, headers = Tally(), _headers()
    async with _session(concurrency, 10.0) as session:
        start = time.perf_counter()
        deadline = start + seconds

        async def worker(w: int) -> None:
            n = 0
            while time.perf_counter() < deadline:
                if batch > 1:
                    items = [alert_body(run, w, n + i, False) for i in range(1, batch + 1)]
                    n += batch
                    await tally.post(session, url, b"[" + b",".join(items) + b"]", headers,
                                     time.perf_counter(), "batch", batch=batch)
                    continue
                n += 1
                critical = critical_every > 0 and n % critical_every == 0
                await tally.post(session, url, alert_body(run, w, n, critical), headers,
                                 time.perf_counter(), "critical" if critical else "warning")

        await asyncio.gather(*(worker(w + 1) for w in range(concurrency)))
        elapsed = time.perf_counter() - start
    return tally.report(elapsed, mode="closed", concurrency=concurrency)


async def open_loop(url: str, rate: float, seconds: float, critical_every: int, run: str,
                    connections: int = 64) -> dict[str, Any]:
    """Open loop over `connections` keep-alive HTTP/1.1 connections on raw asyncio streams
    (an aiohttp client costs several times the CPU per request and, sharing the 2 cores
    with the server, lagged its own schedule by seconds at 1,000/s).

    A ticker queues request i at its due time t0 + i/rate; a free connection takes it; the
    latency runs from the due time, so time spent queued behind busy connections (the
    server being slow) counts, as in wrk2. Bodies are built before the clock starts.
    """
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    total = int(rate * seconds)
    token = os.environ.get("BENCH_TOKEN", "")
    requests: list[tuple[bytes, str]] = []
    for i in range(1, total + 1):
        critical = critical_every > 0 and i % critical_every == 0
        body = alert_body(run, 1, i, critical)
        head = (f"POST {parts.path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        requests.append((head + body, "critical" if critical else "warning"))
    tally = Tally()
    due_queue: asyncio.Queue[tuple[float, bytes, str] | None] = asyncio.Queue()
    lag = 0.0  # worst lateness of the ticker itself (the client's own CPU limit)

    async def connection() -> None:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while (item := await due_queue.get()) is not None:
                due, raw, severity = item
                try:
                    writer.write(raw)
                    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10.0)
                    status = int(head.split(b" ", 2)[1])
                    length = 0
                    for line in head.split(b"\r\n"):
                        if line.lower().startswith(b"content-length:"):
                            length = int(line.split(b":", 1)[1])
                    text = await asyncio.wait_for(reader.readexactly(length), 10.0)
                except (OSError, asyncio.IncompleteReadError, TimeoutError) as exc:
                    tally.errors[type(exc).__name__] += 1
                    return
                tally.latencies.append(time.perf_counter() - due)
                if status == 202 and b'"accepted"' in text:
                    tally.accepted += 1
                    tally.severities[severity] += 1
                elif status == 202:
                    tally.not_accepted_202 += 1
                else:
                    tally.statuses[status] += 1
        finally:
            writer.close()

    workers = [asyncio.create_task(connection()) for _ in range(connections)]
    await asyncio.sleep(0.2)  # let the connections open before the clock starts
    start = time.perf_counter()
    for i, (raw, severity) in enumerate(requests):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        else:
            lag = max(lag, -delay)
        due_queue.put_nowait((due, raw, severity))
    sent_in = time.perf_counter() - start
    for _ in workers:
        due_queue.put_nowait(None)
    await asyncio.wait(workers, timeout=30.0)
    for w in workers:
        w.cancel()
    elapsed = time.perf_counter() - start
    return tally.report(elapsed, mode="open", offered_rate=rate, offered=total,
                        connections=connections,
                        achieved_send_rate=round(total / sent_in, 1),
                        client_max_lag_ms=round(lag * 1000, 2))


async def count_loop(url: str, count: int, concurrency: int, critical_every: int,
                     run: str) -> dict[str, Any]:
    tally, headers = Tally(), _headers()
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(1, count + 1):
        queue.put_nowait(n)
    async with _session(concurrency, 30.0) as session:
        start = time.perf_counter()

        async def worker() -> None:
            while not queue.empty():
                n = queue.get_nowait()
                critical = critical_every > 0 and n % critical_every == 0
                await tally.post(session, url, alert_body(run, 1, n, critical), headers,
                                 time.perf_counter(), "critical" if critical else "warning")

        await asyncio.wait_for(asyncio.gather(*(worker() for _ in range(concurrency))),
                               timeout=600.0)
        elapsed = time.perf_counter() - start
    return tally.report(elapsed, mode="count", count=count, concurrency=concurrency)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["closed", "open", "count"])
    p.add_argument("--url", required=True)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--rate", type=float, default=1000.0)
    p.add_argument("--count", type=int, default=10_000)
    p.add_argument("--critical-every", type=int, default=0)
    p.add_argument("--batch", type=int, default=1, help="closed: JSON arrays of N alerts")
    a = p.parse_args()
    run = os.environ.get("BENCH_RUN", "run")
    if a.mode == "closed":
        out = asyncio.run(closed_loop(a.url, a.concurrency, min(a.seconds, 600.0),
                                      a.critical_every, run, max(1, min(a.batch, 100))))
    elif a.mode == "open":
        out = asyncio.run(open_loop(a.url, a.rate, min(a.seconds, 600.0), a.critical_every,
                                    run))
    else:
        out = asyncio.run(count_loop(a.url, min(a.count, 1_000_000), a.concurrency,
                                     a.critical_every, run))
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
