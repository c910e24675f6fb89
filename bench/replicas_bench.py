"""Scale-out benchmark: accepted alerts/s over HTTP for one replica on SQLite, one on Redis,
and two on Redis sharing the load.

    .venv/bin/python bench/replicas_bench.py                 # ~1 minute
    options: --seconds 8 --warmup 2 --concurrency 32 --repeat 1 --appendfsync always
             --loadgen auto|wrk|python --json out.json --keep

Not a test: it starts everything itself on 127.0.0.1, measures, stops everything and prints
one table. Each Relay replica is its own `relay serve` process; Redis is a private
`redis-server` per setup (never the shared one), with `appendonly yes` and the chosen
`appendfsync` (default `always`: an alert answered 202 is on disk, like SQLite's
synchronous=FULL); the strict fakes run in their own process (bench/fakes_server.py) so
that accepted alerts really are routed and written to the outbox.

Load: POST /api/alerts with distinct direct alerts (bench/alerts.lua, bench/loadgen.py),
1 in 50 critical, closed loop at `--concurrency` connections in total. With two replicas
the connections are split evenly, one generator per replica running at the same time;
accepted/s is their accepted alerts added up over the longer of the two runs. `wrk` (one
thread per generator) is used when installed, else bench/loadgen.py.

Read the two-replica row for what it is: on one 2-core machine, two relays, Redis and the
load generators all share the same cores, so it shows that splitting the load across
replicas costs nothing in correctness and how the shared Redis holds up, not the scaling
that replicas on separate machines would give. The CPU columns say where the time went.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest_bench import (
    PY,
    Fakes,
    Server,
    clean_env,
    cpu_seconds,
    free_port,
    machine,
    run_id,
    run_loadgen,
    run_wrk,
    start_fakes,
    stop,
    wait_ready,
)

TOKEN = "bench-replicas-token-0123456789"
CRITICAL_EVERY = 50


@dataclass
class Redis:
    proc: subprocess.Popen[bytes]
    url: str

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def start_redis(work: Path, label: str, appendfsync: str) -> Redis:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed (apt-get install -y redis-server)")
    port, directory = free_port(), work / f"redis-{label}"
    directory.mkdir()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--dir", str(directory), "--appendonly", "yes", "--appendfsync", appendfsync],
        stdout=(work / f"redis-{label}.log").open("wb"), stderr=subprocess.STDOUT)
    redis = Redis(proc, f"redis://127.0.0.1:{port}/0")
    deadline = time.monotonic() + 10
    while subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True,
                         text=True).stdout.strip() != "PONG":
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"redis-server did not start; see {work}/redis-{label}.log")
        time.sleep(0.05)
    return redis


def start_replica(work: Path, label: str, fakes: Fakes, **extra: str) -> Server:
    port = free_port()
    env = clean_env(
        RELAY_DATA_DIR=str(work / f"data-{label}"),
        RELAY_ROUTING_FILE=str(work / "absent-routing.yaml"),  # the built-in default table
        RELAY_API_TOKENS=f"bench:{TOKEN}",
        RELAY_HASH_KEY="bench-hash-key-0123456789",
        SENTRY_WEBHOOK_SECRET="bench-sentry-secret-0123456789",
        SLACK_WEBHOOK_URL=fakes.slack_webhook_url,
        PAGERDUTY_INTEGRATION_KEY=fakes.pagerduty_routing_key,
        PAGERDUTY_EVENTS_URL=fakes.pagerduty_events_url,
        RELAY_INGEST_RATE="0",  # one caller at thousands/s: measure Relay, not its ingest limit
        **extra,
    )
    log = work / f"relay-{label}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([PY, "-m", "relay", "serve", "--port", str(port)], cwd=work,
                                env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(f"relay {label}", proc, f"http://127.0.0.1:{port}", log)
    wait_ready(server)
    return server


@dataclass
class Result:
    setup: str
    generator: str
    concurrency: str
    seconds: float
    accepted: int
    failed: int
    p50_ms: float
    p99_ms: float
    relay_cpu: float  # replicas together, share of one core
    redis_cpu: float
    runs: list[float] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.accepted / self.seconds if self.seconds else 0.0


def one_load(server: Server, concurrency: int, seconds: float, generator: str
             ) -> dict[str, Any]:
    """One closed-loop run, normalised: accepted, failed, seconds, p50/p99 in ms."""
    if generator == "wrk":
        doc = run_wrk(server.url, concurrency, seconds, TOKEN, CRITICAL_EVERY)
        lat = {k: v / 1000 for k, v in doc["latency_us"].items()}
        return {"accepted": doc["accepted"], "seconds": doc["duration_us"] / 1e6,
                "failed": doc["non_202"] + sum(doc["errors"].values()) + doc[
                    "not_accepted_202"], "p50": lat["p50"], "p99": lat["p99"]}
    doc = run_loadgen("closed", server.url, TOKEN, "--concurrency", str(concurrency),
                      "--seconds", str(seconds), "--critical-every", str(CRITICAL_EVERY),
                      timeout=seconds + 60)
    return {"accepted": doc["accepted"], "seconds": doc["seconds"],
            "failed": sum(doc["non_202"].values()) + sum(doc["errors"].values())
            + doc["not_accepted_202"],
            "p50": doc["latency_ms"]["p50"], "p99": doc["latency_ms"]["p99"]}


def split_load(servers: list[Server], concurrency: int, seconds: float, generator: str
               ) -> list[dict[str, Any]]:
    """The connections split evenly, one generator per replica, all at once."""
    share = max(1, concurrency // len(servers))
    with ThreadPoolExecutor(len(servers)) as pool:
        return list(pool.map(lambda s: one_load(s, share, seconds, generator), servers))


def measure(setup: str, servers: list[Server], redis: Redis | None, concurrency: int,
            seconds: float, warmup: float, repeat: int, generator: str) -> Result:
    if warmup > 0:
        split_load(servers, concurrency, warmup, generator)
    best: Result | None = None
    rates: list[float] = []
    for _ in range(repeat):
        cpu0 = [cpu_seconds(s.pid) for s in servers]
        rcpu0 = cpu_seconds(redis.proc.pid) if redis else 0.0
        t0 = time.monotonic()
        parts = split_load(servers, concurrency, seconds, generator)
        elapsed = time.monotonic() - t0
        relay_cpu = sum(cpu_seconds(s.pid) - c for s, c in zip(servers, cpu0, strict=True))
        redis_cpu = (cpu_seconds(redis.proc.pid) - rcpu0) if redis else 0.0
        share = max(1, concurrency // len(servers))
        result = Result(
            setup, generator, "+".join([str(share)] * len(servers)),
            max(p["seconds"] for p in parts), sum(p["accepted"] for p in parts),
            sum(p["failed"] for p in parts), max(p["p50"] for p in parts),
            max(p["p99"] for p in parts), relay_cpu / elapsed, redis_cpu / elapsed)
        rates.append(round(result.rate))
        if best is None or result.rate > best.rate:
            best = result
    assert best is not None
    best.runs = rates
    return best


def print_table(results: list[Result]) -> None:
    head = (f"{'setup':<34} {'gen':>6} {'conns':>6} {'accepted/s':>10} {'p50 ms':>7} "
            f"{'p99 ms':>7} {'relay CPU':>9} {'redis CPU':>9} {'failed':>6}")
    print(head)
    print("-" * len(head))
    for r in results:
        print(f"{r.setup:<34} {r.generator:>6} {r.concurrency:>6} {r.rate:>10,.0f} "
              f"{r.p50_ms:>7.1f} {r.p99_ms:>7.1f} {r.relay_cpu:>9.0%} {r.redis_cpu:>9.0%} "
              f"{r.failed:>6}")
    print("relay CPU: all replicas together, in % of one core; p50/p99: the worst "
          "replica's;\nfailed: non-202, socket errors, or a 202 that was not 'accepted' "
          f"(each alert is distinct).\nmachine: {machine()}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seconds", type=float, default=8.0, help="per measured run")
    p.add_argument("--warmup", type=float, default=2.0, help="per setup, not measured")
    p.add_argument("--concurrency", type=int, default=32, help="connections in total")
    p.add_argument("--repeat", type=int, default=1, help="measured runs; the best is kept")
    p.add_argument("--appendfsync", choices=["always", "everysec", "no"], default="always")
    p.add_argument("--loadgen", choices=["auto", "wrk", "python"], default="auto")
    p.add_argument("--json", type=Path, help="also write the figures here")
    p.add_argument("--keep", action="store_true", help="keep the work dir (logs, data)")
    a = p.parse_args()
    a.seconds = min(max(a.seconds, 1.0), 60.0)
    a.warmup = min(max(a.warmup, 0.0), 30.0)
    a.repeat = min(max(1, a.repeat), 5)
    a.concurrency = min(max(2, a.concurrency), 256)
    generator = a.loadgen
    if generator == "auto":
        generator = "wrk" if shutil.which("wrk") else "python"
    if generator == "wrk" and shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install -y wrk), use --loadgen python")

    work = Path(tempfile.mkdtemp(prefix="relay-replicas-bench-"))
    fakes = start_fakes(work, "replicas")
    results: list[Result] = []
    setups: list[tuple[str, int, bool]] = [
        ("1 replica, SQLite (FULL)", 1, False),
        (f"1 replica, Redis (AOF {a.appendfsync})", 1, True),
        (f"2 replicas, Redis (AOF {a.appendfsync})", 2, True),
    ]
    try:
        for label, n, on_redis in setups:
            redis = start_redis(work, f"r{len(results)}", a.appendfsync) if on_redis else None
            extra = {"RELAY_REDIS_URL": redis.url,
                     "RELAY_REDIS_PREFIX": f"bench-{run_id()}:"} if redis else {}
            servers: list[Server] = []
            try:
                for i in range(n):
                    servers.append(start_replica(work, f"s{len(results)}-{i}", fakes, **extra))
                print(f"measuring: {label} ...", file=sys.stderr, flush=True)
                results.append(measure(label, servers, redis, a.concurrency, a.seconds,
                                       a.warmup, a.repeat, generator))
            finally:
                for s in servers:
                    stop(s)
                if redis is not None:
                    redis.stop()
    finally:
        fakes.stop()
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"work dir kept: {work}", file=sys.stderr)

    print()
    print_table(results)
    one_redis = next(r for r in results if r.setup.startswith("1 replica, Redis"))
    two_redis = next(r for r in results if r.setup.startswith("2 replicas"))
    sqlite = results[0]
    print(f"\n2 replicas vs 1 on Redis: x{two_redis.rate / one_redis.rate:.2f}; "
          f"1 on Redis vs 1 on SQLite: x{one_redis.rate / sqlite.rate:.2f}")
    if a.json:
        a.json.write_text(json.dumps([{**r.__dict__, "rate": r.rate} for r in results],
                                     indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
