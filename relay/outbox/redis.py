"""The scale-out outbox: Redis Streams shared by every Relay replica.

Layout per receiver R (P = prefix):

- ``P outbox:R``  stream of live deliveries (fields: ``id``, ``a`` = scrubbed Alert JSON)
  with one consumer group; XREADGROUP hands new entries to one replica, XCLAIM moves an
  entry whose lease ran out (or whose retry time came) to whichever replica leases next.
- ``P meta:R``    hash: delivery id → small JSON of mutable state (stream id, attempts,
  last error, next attempt, lease, fingerprint, creation time, global sequence).
- ``P sched:R``   sorted set of handed-out entries (in the PEL) that can come due, scored
  by when: lease expiry, or next attempt after `retry_later`.
- ``P chains:R``  hash: fingerprint → its handed-out entries in stream order. An entry
  waiting behind an earlier one of its fingerprint is "parked" (in its chain, not in
  `sched`) and becomes eligible from its chain head, so a lease costs O(limit), not
  O(backlog): 0.2 ms with 5,000 rows backing off (bench/redis_bench.py).
- ``P dead:R`` / ``P deadidx:R``  dead-letter stream (with the reason) and id → entry index.
- ``P done:R``    sorted set of delivered/folded ids by finish time, for stats; pruned after
  `retention_seconds` and expiring on its own.
- ``P receivers`` set of receiver names; ``P seq`` global creation counter (list order).

Why a schedule set instead of XAUTOCLAIM's idle time: the Outbox contract runs on the
caller's clock (`now`), which also drives retry backoff; XAUTOCLAIM only knows the server's
wall clock, so it could neither hold a retry back until `next_attempt_at` nor be tested with
an injected clock. The set decides what is due; XCLAIM still transfers ownership, so the
group's PEL always shows which replica holds what. At-least-once holds because an entry
leaves the stream only on `delivered`/`fold`/`dead`, each one atomic script.

Every operation is one Lua script (atomic across replicas, one round trip), so two
replicas never lease the same entry and no crash leaves an entry half-moved. Like the SQLite
backend, a due entry is held back while an EARLIER entry with the same fingerprint is
leased or backing off, so a resolve never overtakes its trigger. Standalone Redis (or
Sentinel): scripts touch keys of one receiver plus shared ones, not Cluster-slot safe.

Durability: `enqueue` returns after Redis executed the script; with `wait_replicas > 0` it
also waits (same connection) until that many replicas acknowledged, else raises. On a
single Redis, durability is Redis's own (`appendonly yes`, `appendfsync always` or
`everysec`). Any Redis error becomes `OutboxUnavailable` (→ 503, or back-off in the worker).
"""

from __future__ import annotations

import builtins
import contextlib
import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import Any

import redis.asyncio as redis
import structlog
from redis.exceptions import RedisError

from relay.model import Alert
from relay.outbox.base import Delivery, OutboxUnavailable, ReceiverStats, State
from relay.redis_state import unavailable_on_error

log = structlog.get_logger(__name__)

GROUP = "relay"
#: entries one dead_orphans script moves: bounds how long one call holds Redis
ORPHAN_BATCH = 500

# Shared Lua helpers. Times travel as '%.17g' text (exact doubles); cjson would cut them to
# 14 digits.
_LIB = """
local function sid_lt(a, b)
  local am, as = string.match(a, '(%d+)-(%d+)')
  local bm, bs = string.match(b, '(%d+)-(%d+)')
  am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
  return am < bm or (am == bm and as < bs)
end
local function fields(flat)
  local t = {}
  for i = 1, #flat, 2 do t[flat[i]] = flat[i + 1] end
  return t
end
local function getrec(meta, did)
  local m = redis.call('HGET', meta, did)
  if m then return cjson.decode(m) end
  return nil
end
local function putrec(meta, did, rec)
  redis.call('HSET', meta, did, cjson.encode(rec))
end
local function ensure_group(stream, group)
  if redis.call('EXISTS', stream) == 0 then
    redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM')
  end
end
-- chains: fingerprint -> ids of its handed-out entries in stream order (KEYS 'chains')
local function chain_get(chains, f)
  local c = redis.call('HGET', chains, f)
  if c then return cjson.decode(c) end
  return {}
end
local function chain_put(chains, f, c)
  if #c == 0 then
    redis.call('HDEL', chains, f)
  else
    redis.call('HSET', chains, f, cjson.encode(c))
  end
end
-- drop a finished entry from its chain; a parked follower that becomes the head is
-- scheduled again (at its own next attempt, or now)
local function chain_remove(chains, meta, sched, rec, did, now)
  local c = chain_get(chains, rec.f)
  local head_before = c[1]
  for i = #c, 1, -1 do if c[i] == did then table.remove(c, i) end end
  chain_put(chains, rec.f, c)
  local head = c[1]
  if head and head ~= head_before and not redis.call('ZSCORE', sched, head) then
    local h = getrec(meta, head)
    if h then
      local at = tonumber(h.n)
      redis.call('ZADD', sched, string.format('%.17g', math.max(at, tonumber(now))), head)
    end
  end
end
local function row(did, alert, rec, state)
  return {did, alert, rec.c, rec.a, rec.e or '', rec.n, state, rec.q}
end
"""

# KEYS: receivers, seq, then (stream, meta) per receiver
# ARGV: group, now, alert json, fingerprint, then (receiver, id) per receiver
_ENQUEUE = _LIB + """
local group, now, alert, fp = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
for i = 1, (#KEYS - 2) / 2 do
  local stream, meta = KEYS[1 + 2 * i], KEYS[2 + 2 * i]
  local did = ARGV[4 + 2 * i]
  ensure_group(stream, group)
  local sid = redis.call('XADD', stream, '*', 'id', did, 'a', alert)
  local q = redis.call('INCR', KEYS[2])
  putrec(meta, did, {s = sid, a = 0, l = 0, r = 0, n = now, c = now, f = fp, q = q})
  redis.call('SADD', KEYS[1], ARGV[3 + 2 * i])
end
return 1
"""

# KEYS: stream, meta, sched, chains; ARGV: group, consumer, limit, now, lease until
#
# The schedule set holds chain heads and leased entries (scored by when they are due);
# followers waiting behind an earlier entry of their fingerprint are "parked": in the PEL and
# their chain, not in the set. Candidates are the earliest-due entries of the set; from each
# one's chain head, entries are eligible in order until one is leased or backing off. So a
# call costs O(limit x chain length), not O(backlog).
_LEASE = _LIB + """
local stream, meta, sched, chains = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local group, consumer, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
local nowtxt, untiltxt = ARGV[4], ARGV[5]
local now = tonumber(nowtxt)
if limit <= 0 or redis.call('EXISTS', stream) == 0 then return {} end
local cache, taken = {}, {}
local function chain(f)
  if cache[f] == nil then cache[f] = chain_get(chains, f) end
  return cache[f]
end
local out = {}
local function take(did, rec, flat)
  rec.a = rec.a + 1
  rec.l, rec.r, rec.u, rec.o = 1, 1, untiltxt, consumer
  putrec(meta, did, rec)
  redis.call('ZADD', sched, untiltxt, did)
  taken[rec.f] = (taken[rec.f] or 0) + 1
  out[#out + 1] = row(did, fields(flat)['a'], rec, 'leased')
end
-- 1. entries handed out before: expired leases, due retries, heads freed by a finished one
local eligible, walked, seen = {}, {}, {}
local due = redis.call('ZRANGEBYSCORE', sched, '-inf', nowtxt, 'LIMIT', 0, math.max(4 * limit, 64))
for _, did in ipairs(due) do
  local rec = getrec(meta, did)
  if rec == nil then
    redis.call('ZREM', sched, did)
  elseif not walked[rec.f] then
    walked[rec.f] = true
    for _, cid in ipairs(chain(rec.f)) do
      local crec = getrec(meta, cid)
      local score = redis.call('ZSCORE', sched, cid)
      if crec == nil or (score and tonumber(score) > now) then break end
      eligible[#eligible + 1] = {cid, crec}
      seen[cid] = true
    end
  end
end
-- a due entry behind a leased or backing-off one of its fingerprint: park it
for _, did in ipairs(due) do
  if not seen[did] then
    local rec = getrec(meta, did)
    if rec and walked[rec.f] and rec.s ~= nil and chain(rec.f)[1] ~= did then
      rec.l, rec.u, rec.o = 0, nil, nil
      putrec(meta, did, rec)
      redis.call('ZREM', sched, did)
    end
  end
end
table.sort(eligible, function(x, y) return sid_lt(x[2].s, y[2].s) end)
for _, item in ipairs(eligible) do
  if #out >= limit then break end
  local did, rec = item[1], item[2]
  local claimed = redis.call('XCLAIM', stream, group, consumer, 0, rec.s, 'FORCE')
  if claimed[1] then
    take(did, rec, claimed[1][2])
  else  -- the entry is gone from the stream: forget its state
    redis.call('HDEL', meta, did)
    redis.call('ZREM', sched, did)
    chain_remove(chains, meta, sched, rec, did, nowtxt)
    cache[rec.f] = nil
  end
end
-- 2. new entries, which are all younger than anything handed out before
while #out < limit do
  local r = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', limit - #out,
                      'STREAMS', stream, '>')
  if not r or #r[1][2] == 0 then break end
  for _, e in ipairs(r[1][2]) do
    local sid, flat = e[1], e[2]
    local did = fields(flat)['id']
    local rec = getrec(meta, did) or {s = sid, a = 0, l = 0, n = nowtxt, c = nowtxt, f = '', q = 0}
    rec.r = 1
    local c = chain(rec.f)
    local first = #c == 0
    local free = #c == (taken[rec.f] or 0)  -- everything before it goes out in this call
    c[#c + 1] = did
    chain_put(chains, rec.f, c)
    if free and tonumber(rec.n) <= now and #out < limit then
      take(did, rec, flat)
    else
      putrec(meta, did, rec)
      if first then redis.call('ZADD', sched, rec.n, did) end  -- a head: due at its time
    end
  end
end
return out
"""

# KEYS: stream, meta, sched, done, chains; ARGV: group, now, prune before, retention, ids...
_FINISH = _LIB + """
local stream, meta, sched, done, chains = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local n = 0
for i = 5, #ARGV do
  local did = ARGV[i]
  local rec = getrec(meta, did)
  if rec then
    redis.call('XACK', stream, ARGV[1], rec.s)
    redis.call('XDEL', stream, rec.s)
    redis.call('HDEL', meta, did)
    redis.call('ZREM', sched, did)
    redis.call('ZADD', done, ARGV[2], did)
    if rec.r == 1 then chain_remove(chains, meta, sched, rec, did, ARGV[2]) end
    n = n + 1
  end
end
redis.call('ZREMRANGEBYSCORE', done, '-inf', '(' .. ARGV[3])
redis.call('EXPIRE', done, ARGV[4])
return n
"""

# KEYS: meta, sched; ARGV: id, next attempt, error
_RETRY = _LIB + """
local rec = getrec(KEYS[1], ARGV[1])
if not rec then return 0 end
rec.l, rec.u, rec.o, rec.n, rec.e = 0, nil, nil, ARGV[2], ARGV[3]
putrec(KEYS[1], ARGV[1], rec)
if rec.r == 1 then redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1]) end
return 1
"""

# KEYS: stream, meta, sched, dead, deadidx, chains; ARGV: group, id, reason, now
_DEAD = _LIB + """
local stream, meta, sched, dead, deadidx = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local did = ARGV[2]
local rec = getrec(meta, did)
if not rec then return 0 end
local e = redis.call('XRANGE', stream, rec.s, rec.s)
if e[1] then
  rec.e, rec.d = ARGV[3], ARGV[4]
  local dsid = redis.call('XADD', dead, '*', 'id', did, 'a', fields(e[1][2])['a'],
                          'm', cjson.encode(rec))
  redis.call('HSET', deadidx, did, dsid)
end
redis.call('XACK', stream, ARGV[1], rec.s)
redis.call('XDEL', stream, rec.s)
redis.call('HDEL', meta, did)
redis.call('ZREM', sched, did)
if rec.r == 1 then chain_remove(KEYS[6], meta, sched, rec, did, ARGV[4]) end
return 1
"""

# KEYS: stream, meta, sched, dead, deadidx, chains; ARGV: group, reason, now, limit.
# The oldest `limit` live entries of a receiver, leased or not, to the dead letters (as
# _DEAD does one); the caller repeats until fewer than `limit` moved, so no single call
# holds Redis for long.
_ORPHANS = _LIB + """
local stream, meta, sched = KEYS[1], KEYS[2], KEYS[3]
local dead, deadidx, chains = KEYS[4], KEYS[5], KEYS[6]
local group, reason, now = ARGV[1], ARGV[2], ARGV[3]
local n = 0
for _, e in ipairs(redis.call('XRANGE', stream, '-', '+', 'COUNT', ARGV[4])) do
  local sid, f = e[1], fields(e[2])
  local did = f['id']
  local rec = getrec(meta, did) or {s = sid, a = 0, l = 0, r = 0, n = now, c = now, f = '', q = 0}
  rec.e, rec.d = reason, now
  local dsid = redis.call('XADD', dead, '*', 'id', did, 'a', f['a'], 'm', cjson.encode(rec))
  redis.call('HSET', deadidx, did, dsid)
  redis.call('XACK', stream, group, sid)
  redis.call('XDEL', stream, sid)
  redis.call('HDEL', meta, did)
  redis.call('ZREM', sched, did)
  if rec.r == 1 then chain_remove(chains, meta, sched, rec, did, now) end
  n = n + 1
end
return n
"""

# KEYS: stream, meta, dead, deadidx, seq; ARGV: group, now, all (0/1), ids...
_REPLAY = _LIB + """
local stream, meta, dead, deadidx = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local targets = {}
if ARGV[3] == '1' then
  targets = redis.call('HKEYS', deadidx)
else
  for i = 4, #ARGV do targets[#targets + 1] = ARGV[i] end
end
local n = 0
for _, did in ipairs(targets) do
  local dsid = redis.call('HGET', deadidx, did)
  if dsid then
    local e = redis.call('XRANGE', dead, dsid, dsid)
    if e[1] then
      local f = fields(e[1][2])
      local old = cjson.decode(f['m'])
      ensure_group(stream, ARGV[1])
      local sid = redis.call('XADD', stream, '*', 'id', did, 'a', f['a'])
      local q = redis.call('INCR', KEYS[5])
      -- a replay starts over: due now, no attempts, age clock restarted
      putrec(meta, did, {s = sid, a = 0, l = 0, r = 0, n = ARGV[2], c = ARGV[2], f = old.f, q = q})
      n = n + 1
    end
    redis.call('XDEL', dead, dsid)
    redis.call('HDEL', deadidx, did)
  end
end
return n
"""

# KEYS: stream, meta; ARGV: now, limit.
# Entries not under a live lease, in stream order; skips at most the leased ones.
_PENDING = _LIB + """
local now, limit = tonumber(ARGV[1]), tonumber(ARGV[2])
local out, from = {}, '-'
while #out < limit do
  local batch = redis.call('XRANGE', KEYS[1], from, '+', 'COUNT', 2 * limit)
  if #batch == 0 then break end
  for _, e in ipairs(batch) do
    local f = fields(e[2])
    local rec = getrec(KEYS[2], f['id'])
    if rec and #out < limit and (rec.l == 0 or tonumber(rec.u) <= now) then
      out[#out + 1] = row(f['id'], f['a'], rec, 'pending')
    end
  end
  from = '(' .. batch[#batch][1]
end
return out
"""

# KEYS: _KINDS; ARGV: limit, dead (0/1)
_LIST = _LIB + """
local out = {}
if ARGV[2] == '1' then
  for _, e in ipairs(redis.call('XRANGE', KEYS[4], '-', '+', 'COUNT', ARGV[1])) do
    local f = fields(e[2])
    out[#out + 1] = row(f['id'], f['a'], cjson.decode(f['m']), 'dead')
  end
  return out
end
for _, e in ipairs(redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', ARGV[1])) do
  local f = fields(e[2])
  local rec = getrec(KEYS[2], f['id'])
  if rec then
    out[#out + 1] = row(f['id'], f['a'], rec, rec.l == 1 and 'leased' or 'pending')
  end
end
return out
"""

# KEYS: _KINDS; returns {live, oldest created or '', dead, done}
_STATS = _LIB + """
local oldest = ''
local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
if first[1] then
  local rec = getrec(KEYS[2], fields(first[1][2])['id'])
  if rec then oldest = rec.c end
end
return {redis.call('XLEN', KEYS[1]), oldest, redis.call('HLEN', KEYS[5]),
        redis.call('ZCARD', KEYS[6])}
"""

# KEYS: meta, sched; ARGV: consumer. Leases held under this consumer name belong to a
# previous incarnation of this process: make them due at once.
_RELEASE = _LIB + """
local n = 0
for _, did in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local rec = getrec(KEYS[1], did)
  if rec and rec.l == 1 and rec.o == ARGV[1] then
    rec.l, rec.u, rec.o = 0, nil, nil
    putrec(KEYS[1], did, rec)
    redis.call('ZADD', KEYS[2], '-inf', did)
    n = n + 1
  end
end
return n
"""

# every per-receiver key, in the order the read-only scripts take them
_KINDS = ("outbox", "meta", "sched", "dead", "deadidx", "done", "chains")


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _num(value: float) -> str:
    return repr(float(value))


def _to_delivery(receiver: str, row: Sequence[Any]) -> tuple[int, Delivery]:
    did, alert, created, attempts, error, next_at, state, seq = row
    err = _text(error)
    return int(seq), Delivery(
        id=_text(did), receiver=receiver, alert=Alert.model_validate_json(alert),
        state=State(_text(state)), attempts=int(attempts), created_at=float(_text(created)),
        next_attempt_at=float(_text(next_at)), last_error=err or None,
    )


class RedisOutbox:
    """`relay.outbox.base.Outbox` on Redis Streams, shared by any number of replicas.

    `consumer` names this process in the consumer groups and must be unique among live
    replicas (e.g. host + pid); `open()` releases the leases a previous process of the same
    name left behind.
    """

    backend = "redis"

    def __init__(
        self,
        client: redis.Redis,
        *,
        prefix: str = "relay:",
        consumer: str,
        wait_replicas: int = 0,
        wait_timeout_ms: int = 100,
        retention_seconds: float = 7 * 24 * 3600,
    ) -> None:
        self._client = client
        self.prefix = prefix
        self.consumer = consumer
        self.wait_replicas = wait_replicas
        self.wait_timeout_ms = wait_timeout_ms
        self.retention_seconds = retention_seconds
        s = client.register_script
        self._enqueue, self._lease, self._finish = s(_ENQUEUE), s(_LEASE), s(_FINISH)
        self._retry, self._dead, self._replay = s(_RETRY), s(_DEAD), s(_REPLAY)
        self._pending, self._list, self._stats = s(_PENDING), s(_LIST), s(_STATS)
        self._release, self._orphans = s(_RELEASE), s(_ORPHANS)

    # -- keys ------------------------------------------------------------------------------

    def _keys(self, receiver: str, *kinds: str) -> list[str]:
        return [f"{self.prefix}{kind}:{receiver}" for kind in kinds]

    @staticmethod
    def receiver_of(delivery_id: str) -> str:
        """Ids are ``<receiver>:<uuid hex>`` so every call finds its stream without a lookup."""
        receiver, sep, _ = delivery_id.rpartition(":")
        return receiver if sep else ""

    def _by_receiver(self, ids: Sequence[str]) -> dict[str, builtins.list[str]]:
        groups: dict[str, builtins.list[str]] = defaultdict(builtins.list)
        for did in ids:
            groups[self.receiver_of(did)].append(did)
        return groups

    async def _receivers(self) -> builtins.list[str]:
        return sorted(_text(r) for r in await self._client.smembers(f"{self.prefix}receivers"))

    @staticmethod
    def _guard(op: str) -> contextlib.AbstractContextManager[None]:
        """Every Redis failure is RedisUnavailable, an OutboxUnavailable (503 / back off)."""
        return unavailable_on_error("outbox", op)

    # -- lifecycle -------------------------------------------------------------------------

    async def open(self) -> None:
        with self._guard("open"):
            released = 0
            for receiver in await self._receivers():
                released += int(await self._release(
                    keys=self._keys(receiver, "meta", "sched"), args=[self.consumer]
                ))
        log.info("outbox.opened", backend=self.backend, leases_released=released)

    async def close(self) -> None:
        with contextlib.suppress(RedisError, OSError):
            await self._client.aclose()
        log.info("outbox.closed", backend=self.backend)

    # -- the Outbox protocol ---------------------------------------------------------------

    async def enqueue(self, alert: Alert, receivers: Sequence[str], now: float) -> None:
        if not receivers:
            return
        keys = [f"{self.prefix}receivers", f"{self.prefix}seq"]
        args: list[str] = [GROUP, _num(now), alert.model_dump_json(), alert.fingerprint]
        for receiver in receivers:
            keys += self._keys(receiver, "outbox", "meta")
            args += [receiver, f"{receiver}:{uuid.uuid4().hex}"]
        with self._guard("enqueue"):
            # one round trip on one connection: WAIT must follow the write it waits for
            async with self._client.pipeline(transaction=False) as pipe:
                await self._enqueue(keys=keys, args=args, client=pipe)
                if self.wait_replicas > 0:
                    pipe.wait(self.wait_replicas, self.wait_timeout_ms)
                results = await pipe.execute()
        if self.wait_replicas > 0 and int(results[-1]) < self.wait_replicas:
            log.warning("outbox.replication_short", wanted=self.wait_replicas,
                        acked=int(results[-1]))
            raise OutboxUnavailable(
                f"write reached {int(results[-1])} of {self.wait_replicas} replicas in time"
            )

    async def lease(
        self, receiver: str, limit: int, lease_seconds: float, now: float
    ) -> builtins.list[Delivery]:
        with self._guard("lease"):
            rows = await self._lease(
                keys=self._keys(receiver, "outbox", "meta", "sched", "chains"),
                args=[GROUP, self.consumer, limit, _num(now), _num(now + lease_seconds)],
            )
        return [_to_delivery(receiver, r)[1] for r in rows]

    async def delivered(self, ids: Sequence[str], now: float) -> None:
        await self._done(ids, now, "delivered")

    async def fold(self, ids: Sequence[str], now: float) -> None:
        await self._done(ids, now, "fold")

    async def _done(self, ids: Sequence[str], now: float, op: str) -> None:
        if not ids:
            return
        with self._guard(op):
            async with self._client.pipeline(transaction=False) as pipe:
                for receiver, dids in self._by_receiver(ids).items():
                    await self._finish(
                        keys=self._keys(receiver, "outbox", "meta", "sched", "done",
                                        "chains"),
                        args=[GROUP, _num(now), _num(now - self.retention_seconds),
                              int(self.retention_seconds), *dids],
                        client=pipe,
                    )
                await pipe.execute()

    async def retry_later(self, id: str, next_attempt_at: float, error: str) -> None:
        with self._guard("retry_later"):
            await self._retry(
                keys=self._keys(self.receiver_of(id), "meta", "sched"),
                args=[id, _num(next_attempt_at), error],
            )

    async def dead(self, id: str, reason: str, now: float) -> None:
        with self._guard("dead"):
            await self._dead(
                keys=self._keys(self.receiver_of(id), "outbox", "meta", "sched", "dead",
                                "deadidx", "chains"),
                args=[GROUP, id, reason, _num(now)],
            )

    async def pending(self, receiver: str, limit: int, now: float) -> builtins.list[Delivery]:
        with self._guard("pending"):
            rows = await self._pending(
                keys=self._keys(receiver, "outbox", "meta"), args=[_num(now), limit]
            )
        return [_to_delivery(receiver, r)[1] for r in rows]

    async def stats(self, now: float) -> builtins.list[ReceiverStats]:
        with self._guard("stats"):
            receivers = await self._receivers()
            async with self._client.pipeline(transaction=False) as pipe:
                for receiver in receivers:
                    await self._stats(keys=self._keys(receiver, *_KINDS), client=pipe)
                results = await pipe.execute()
        out = []
        for receiver, (live, oldest, dead, done) in zip(receivers, results, strict=True):
            if live or dead or done:
                created = _text(oldest)
                out.append(ReceiverStats(
                    receiver=receiver, pending=int(live), dead=int(dead), delivered=int(done),
                    oldest_age=max(0.0, now - float(created)) if created else None,
                ))
        return out

    async def list(self, dead: bool, limit: int) -> builtins.list[Delivery]:
        with self._guard("list"):
            receivers = await self._receivers()
            async with self._client.pipeline(transaction=False) as pipe:
                for receiver in receivers:
                    await self._list(
                        keys=self._keys(receiver, *_KINDS), args=[limit, int(dead)], client=pipe
                    )
                results = await pipe.execute()
        rows = [
            _to_delivery(receiver, row)
            for receiver, rows_ in zip(receivers, results, strict=True) for row in rows_
        ]
        rows.sort(key=lambda item: item[0])  # global creation order
        return [d for _, d in rows[:limit]]

    async def replay(
        self, ids: Sequence[str] = (), receiver: str | None = None, all_dead: bool = False,
        now: float = 0.0,
    ) -> int:
        calls: list[tuple[str, bool, builtins.list[str]]] = []
        with self._guard("replay"):
            if all_dead:
                calls = [(r, True, []) for r in await self._receivers()]
            else:
                if receiver is not None:
                    calls.append((receiver, True, []))
                calls += [(r, False, d) for r, d in self._by_receiver(ids).items()]
            async with self._client.pipeline(transaction=False) as pipe:
                for r, every, dids in calls:
                    await self._replay(
                        keys=[*self._keys(r, "outbox", "meta", "dead", "deadidx"),
                              f"{self.prefix}seq"],
                        args=[GROUP, _num(now), int(every), *dids],
                        client=pipe,
                    )
                n = sum(int(x) for x in await pipe.execute())
        log.info("outbox.replayed", rows=n, receiver=receiver, all_dead=all_dead)
        return n

    async def dead_orphans(
        self, receivers: Collection[str], reason: str, now: float
    ) -> dict[str, int]:
        moved: dict[str, int] = {}
        with self._guard("dead_orphans"):
            for receiver in await self._receivers():
                if receiver in receivers:
                    continue
                keys = self._keys(receiver, "outbox", "meta", "sched", "dead", "deadidx",
                                  "chains")
                while True:
                    n = int(await self._orphans(
                        keys=keys, args=[GROUP, reason, _num(now), ORPHAN_BATCH]))
                    if n:
                        moved[receiver] = moved.get(receiver, 0) + n
                    if n < ORPHAN_BATCH:
                        break
        return moved

    async def purge_delivered(self, older_than: float) -> int:
        with self._guard("purge_delivered"):
            receivers = await self._receivers()
            async with self._client.pipeline(transaction=False) as pipe:
                for receiver in receivers:
                    pipe.zremrangebyscore(
                        f"{self.prefix}done:{receiver}", "-inf", f"({_num(older_than)}"
                    )
                return sum(int(x) for x in await pipe.execute())

    async def writable(self) -> bool:
        """Readiness: a real write goes through (catches down, read-only, OOM, MISCONF)."""
        try:
            await self._client.set(f"{self.prefix}probe", self.consumer, px=10_000)
        except (RedisError, OSError) as exc:
            log.warning("outbox.unwritable", backend=self.backend, error=type(exc).__name__)
            return False
        return True

