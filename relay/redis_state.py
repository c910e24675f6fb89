"""Shared state for several Relay replicas: the Redis connection, dedup window, pacing,
inhibition sources and muted triggers.

Each policy runs as ONE Lua script so that Redis applies it atomically: the same alert
reaching two replicas at once pages once, and two replicas together never exceed a
receiver's rate. The dedup script is a transcription of `relay.dedup.decide` (tests check
it verdict for verdict); keys carry a hash of the fingerprint, never alert content, and
expire on their own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
from collections.abc import Iterator, Mapping
from urllib.parse import urlsplit

import redis.asyncio as redis
import structlog
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

from relay.dedup import Verdict
from relay.mute import MUTED_MEMORY
from relay.outbox.base import OutboxUnavailable
from relay.pacing import check_bucket

log = structlog.get_logger(__name__)

#: Sentry gives a webhook about a second: a Redis that does not answer in half of it is down.
DEFAULT_SOCKET_TIMEOUT = 0.5


class RedisUnavailable(OutboxUnavailable):
    """Redis cannot be reached (at start-up, or by the dedup store or pacer at run time).

    With RELAY_REDIS_URL set Redis IS the outbox: when the dedup store cannot answer, the
    alert cannot be accepted either, so the HTTP edge answers 503 as for any outbox failure.
    """


@contextlib.contextmanager
def unavailable_on_error(store: str, op: str = "") -> Iterator[None]:
    """Turn any Redis or socket failure into RedisUnavailable, logged without content.

    Every caller gets the same named error: the HTTP edge answers 503, the delivery worker
    backs off, and both resume on their own once Redis answers again.
    """
    try:
        yield
    except (RedisError, OSError) as exc:
        log.warning("redis.unavailable", store=store, op=op, error=type(exc).__name__)
        raise RedisUnavailable(f"redis {store} unavailable during {op or 'a call'} "
                               f"({type(exc).__name__})") from exc


def redacted_url(url: str) -> str:
    """The URL without credentials, safe for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def client_from_url(
    url: str, *, socket_timeout: float = DEFAULT_SOCKET_TIMEOUT, max_connections: int = 64
) -> redis.Redis:
    """A client that fails fast but queues bursts.

    - Short socket timeouts, and one immediate retry that only re-dials a pooled connection
      gone stale (Redis restarted): it covers connection errors, not timeouts, so a Redis
      that is gone costs one refused connect and a frozen one one timeout, never redis-py's
      default backoff loop.
    - A blocking pool: a burst beyond `max_connections` concurrent calls waits (up to the
      socket timeout) for a free connection instead of failing at once, as redis-py's
      default pool does past 100.
    """
    pool = redis.BlockingConnectionPool.from_url(
        url,
        max_connections=max_connections,
        timeout=socket_timeout,
        socket_timeout=socket_timeout,
        socket_connect_timeout=socket_timeout,
        retry=Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
        health_check_interval=15,
    )
    client: redis.Redis = redis.Redis.from_pool(pool)
    return client


async def connect(
    url: str, *, prefix: str, socket_timeout: float = DEFAULT_SOCKET_TIMEOUT
) -> redis.Redis:
    """Open and ping a client for `url`; raise RedisUnavailable with a password-free message."""
    client = client_from_url(url, socket_timeout=socket_timeout)
    safe = redacted_url(url)
    try:
        await client.ping()
    except (RedisError, OSError) as exc:
        await client.aclose()
        log.error("redis.unavailable", url=safe, error=type(exc).__name__)
        raise RedisUnavailable(
            f"cannot reach Redis at {safe} ({type(exc).__name__}); check RELAY_REDIS_URL "
            "and that Redis is running, or unset RELAY_REDIS_URL to use the embedded SQLite"
        ) from None
    log.info("redis.connected", url=safe, prefix=prefix)
    return client


def _fmt(value: float) -> str:
    """Exact float text: Lua numbers round-trip through '%.17g', so verdicts match Python."""
    return repr(float(value))


# KEYS[1] record; ARGV: severity_rank, resolve (0/1), now, window, grace.
# Mirrors relay.dedup.decide; keep the two in step (tests compare them on random sequences).
_DEDUP_LUA = """
local rank = tonumber(ARGV[1])
local resolve = ARGV[2] == '1'
local now = tonumber(ARGV[3])
local window = tonumber(ARGV[4])
local grace = tonumber(ARGV[5])
local prev = redis.call('HMGET', KEYS[1], 'r', 'u', 's')
local has = prev[1] ~= false
local p_rank, p_until, p_sup = 0, 0, 0
if has then
  p_rank, p_until, p_sup = tonumber(prev[1]), tonumber(prev[2]), tonumber(prev[3])
end
if resolve then
  redis.call('DEL', KEYS[1])
  return {1, 1 + p_sup}
end
if (not has) or now >= p_until or rank > p_rank then
  local u = now + window
  redis.call('HSET', KEYS[1], 'r', rank, 'u', string.format('%.17g', u), 's', 0)
  redis.call('PEXPIRE', KEYS[1], math.ceil((window + 60) * 1000))
  return {1, 1 + p_sup}
end
redis.call('HSET', KEYS[1], 's', p_sup + 1)
-- swallowed repeats are kept until a later message can report them
local ttl = math.max(p_until - now, 0) + grace
redis.call('PEXPIRE', KEYS[1], math.ceil(ttl * 1000))
return {0, 0}
"""


class RedisDedupStore:
    """`relay.dedup.DedupStore` shared by all replicas (one atomic script per observation).

    A record with no swallowed repeats lives for its window (+60 s for clock skew); one
    with swallowed repeats lives `grace_seconds` longer so the next message can report them,
    as `MemoryDedupStore` does.
    """

    def __init__(
        self, client: redis.Redis, prefix: str = "relay:", *, grace_seconds: float = 24 * 3600
    ) -> None:
        self._client = client
        self._prefix = prefix
        self._grace = grace_seconds
        self._script = client.register_script(_DEDUP_LUA)

    def key(self, fingerprint: str) -> str:
        digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
        return f"{self._prefix}dedup:{digest}"

    async def observe(
        self, fingerprint: str, *, severity_rank: int, resolve: bool, now: float, window: float
    ) -> Verdict:
        with unavailable_on_error("dedup"):
            send, occurrences = await self._script(
                keys=[self.key(fingerprint)],
                args=[severity_rank, int(resolve), _fmt(now), _fmt(window), _fmt(self._grace)],
            )
        return Verdict(bool(send), int(occurrences))

    async def forget(self, fingerprint: str) -> None:
        with unavailable_on_error("dedup"):
            await self._client.delete(self.key(fingerprint))


# KEYS[1] bucket; ARGV: rate, burst, now ('' = use the server's clock), cost (tokens to
# take, all or none). Mirrors relay.pacing.TokenBucket.take (tests compare the two).
# Returns the seconds to wait as text ('0' = the tokens were taken): Lua numbers would be
# truncated to integers in the reply.
_BUCKET_LUA = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now
if ARGV[3] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
else
  now = tonumber(ARGV[3])
end
local state = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens, ts = burst, now
if state[1] ~= false then
  tokens, ts = tonumber(state[1]), tonumber(state[2])
end
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate)
  ts = now
end
local cost = tonumber(ARGV[4])
local wait = 0
if tokens >= cost then
  tokens = tokens - cost
else
  wait = (cost - tokens) / rate
end
redis.call('HSET', KEYS[1], 't', string.format('%.17g', tokens), 'ts', string.format('%.17g', ts))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst / rate + 60) * 1000))
return string.format('%.17g', wait)
"""


class RedisPacer:
    """`relay.pacing.Pacer` with one token bucket per key shared by all replicas.

    By default the bucket runs on the Redis server's clock (`TIME`), so replicas whose
    clocks disagree still share one rate; the caller's `now` is then ignored.
    `server_time=False` uses the caller's `now` instead (deterministic tests, one clock).
    """

    def __init__(
        self, client: redis.Redis, prefix: str = "relay:", *, server_time: bool = True
    ) -> None:
        self._prefix = prefix
        self._server_time = server_time
        self._script = client.register_script(_BUCKET_LUA)

    async def acquire(self, key: str, *, rate: float, burst: float, now: float,
                      cost: float = 1.0) -> float:
        check_bucket(rate, burst, cost)
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        clock = "" if self._server_time else _fmt(now)
        with unavailable_on_error("pacer"):
            wait = await self._script(
                keys=[f"{self._prefix}pace:{digest}"],
                args=[_fmt(rate), _fmt(burst), clock, _fmt(cost)],
            )
        seconds = float(wait)
        return seconds if math.isfinite(seconds) and seconds > 0 else 0.0


# Inhibition sources shared by all replicas. Per (rule, key): a sorted set of source
# fingerprint hashes scored by expiry; per source: the list of its sorted sets, so a refresh
# or a forget removes exactly what the source added.
#
# KEYS[1] the source's record, KEYS[2..] the sorted sets it holds now (none: forget);
# ARGV: member, expires_at, key TTL in ms.
_INHIBIT_RECORD_LUA = """
local old = redis.call('GET', KEYS[1])
if old then
  for _, k in ipairs(cjson.decode(old)) do redis.call('ZREM', k, ARGV[1]) end
end
if #KEYS == 1 then
  redis.call('DEL', KEYS[1])
  return 0
end
local held = {}
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[2], ARGV[1])
  redis.call('PEXPIRE', KEYS[i], ARGV[3])
  held[#held + 1] = KEYS[i]
end
redis.call('SET', KEYS[1], cjson.encode(held), 'PX', ARGV[3])
return #held
"""

# KEYS[1] a (rule, key) sorted set; ARGV: now, member to exclude.
# Expired sources are dropped when met (as MemoryInhibitState does); 1 if another is live.
_INHIBIT_ANY_LUA = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, 1)) do
  if m ~= ARGV[2] then return 1 end
end
return 0
"""


class RedisInhibitState:
    """`relay.inhibit.InhibitState` shared by all replicas: a source seen by one replica
    mutes its targets on every replica.

    A refresh replaces the source's keys and a forget removes them in one script each, so
    two replicas observing the same source at once never leave a stale key behind. Keys
    hold hashes only: a fingerprint or a tag value (alert content) never reaches Redis.

    Expiry runs on the caller's clock (`expires_at`, `now`), as in `MemoryInhibitState`;
    Redis TTLs (`key_ttl`, refreshed on every record) only collect what nobody met again.
    They must outlast the Inhibitor's ttl (24 h by default): a key that expired early
    un-mutes, which is the safe side (an alert is only hidden on positive evidence).
    """

    def __init__(self, client: redis.Redis, prefix: str = "relay:", *,
                 key_ttl: float = 25 * 3600.0) -> None:
        if key_ttl <= 0:
            raise ValueError("key_ttl must be positive")
        self._prefix = prefix
        self._ttl_ms = math.ceil(key_ttl * 1000)
        self._record = client.register_script(_INHIBIT_RECORD_LUA)
        self._any = client.register_script(_INHIBIT_ANY_LUA)

    @staticmethod
    def member(fingerprint: str) -> str:
        return hashlib.sha256(fingerprint.encode()).hexdigest()[:32]

    def source_key(self, fingerprint: str) -> str:
        return f"{self._prefix}inhibit:src:{self.member(fingerprint)}"

    def key_for(self, rule: int, key: tuple[str, ...]) -> str:
        digest = hashlib.sha256(json.dumps([rule, *key]).encode()).hexdigest()[:32]
        return f"{self._prefix}inhibit:key:{digest}"

    async def record(self, fingerprint: str, keys: Mapping[int, tuple[str, ...]],
                     expires_at: float) -> None:
        held = [self.key_for(rule, key) for rule, key in sorted(keys.items())]
        with unavailable_on_error("inhibit", "record"):
            await self._record(keys=[self.source_key(fingerprint), *held],
                               args=[self.member(fingerprint), _fmt(expires_at),
                                     self._ttl_ms])

    async def forget(self, fingerprint: str) -> None:
        with unavailable_on_error("inhibit", "forget"):
            await self._record(keys=[self.source_key(fingerprint)],
                               args=[self.member(fingerprint), "0", self._ttl_ms])

    async def any_source(self, rule: int, key: tuple[str, ...], *, excluding: str,
                         now: float) -> bool:
        with unavailable_on_error("inhibit", "any_source"):
            found = await self._any(keys=[self.key_for(rule, key)],
                                    args=[_fmt(now), self.member(excluding)])
        return bool(int(found))


class RedisMutedTriggers:
    """`relay.mute.MutedTriggers` shared by all replicas: a trigger muted on one replica
    holds back its resolve on every replica (else the all-clear of an alert nobody saw
    reaches Slack from whichever replica the resolve lands on).

    One key per fingerprint hash holding only the reason ("silenced", "inhibited"): no
    alert content reaches Redis. Redis expires each key after `ttl` (its own clock, so the
    caller's `now` is unused) and a resolve takes it with GETDEL, so of two replicas handed
    the same resolve at once only one consumes it. Growth is bounded by the TTL, as for
    dedup records: at most the distinct fingerprints muted within one `ttl`.
    """

    def __init__(self, client: redis.Redis, prefix: str = "relay:", *,
                 ttl: float = MUTED_MEMORY) -> None:
        if ttl <= 0:
            raise ValueError("ttl must be positive")
        self._client = client
        self._prefix = prefix
        self._ttl_ms = math.ceil(ttl * 1000)

    def key(self, fingerprint: str) -> str:
        digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
        return f"{self._prefix}muted:{digest}"

    async def add(self, fingerprint: str, reason: str, now: float) -> None:
        with unavailable_on_error("muted", "add"):
            await self._client.set(self.key(fingerprint), reason, px=self._ttl_ms)

    async def pop(self, fingerprint: str, now: float) -> str | None:
        with unavailable_on_error("muted", "pop"):
            reason = await self._client.getdel(self.key(fingerprint))
        if reason is None:
            return None
        return reason.decode() if isinstance(reason, bytes) else str(reason)

    async def discard(self, fingerprint: str) -> None:
        with unavailable_on_error("muted", "discard"):
            await self._client.delete(self.key(fingerprint))
