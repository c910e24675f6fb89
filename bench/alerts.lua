-- wrk script for bench/ingest_bench.py: every request is a DISTINCT direct alert.
--
-- Distinct title (a letters-only id: Relay's derived fingerprint masks digits) and distinct
-- dedup_key (run, thread, counter), so dedup never short-circuits the durable write. Each
-- 202 is checked for status "accepted"; the totals are printed as one `BENCHJSON {...}` line.
-- Env: BENCH_TOKEN (bearer token), BENCH_RUN (unique per invocation), BENCH_CRITICAL_EVERY
-- (every Nth alert is critical; 0 = none), BENCH_BATCH (N > 1: each request is a JSON array
-- of N alerts, and `accepted` counts alerts from the answer's "accepted" total). Same body
-- shape as bench/loadgen.py `alert_body`.

local token = os.getenv("BENCH_TOKEN") or ""
local run = os.getenv("BENCH_RUN") or "run"
local critical_every = tonumber(os.getenv("BENCH_CRITICAL_EVERY") or "0")
local batch = tonumber(os.getenv("BENCH_BATCH") or "1")
local services = {"billing", "scheduling", "intake", "notes", "claims", "portal", "video",
                  "messaging"}
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

-- globals, so done() can read them from each thread with thread:get
accepted = 0
not_accepted = 0
non_202 = 0
local n = 0

local function letters(i)
  local s = ""
  repeat
    local r = i % 26
    s = string.char(97 + r) .. s
    i = (i - r) / 26
  until i == 0
  return s
end

local function alert()
  n = n + 1
  local severity = "warning"
  if critical_every > 0 and n % critical_every == 0 then
    severity = "critical"
  end
  local id = run .. letters(tid) .. "q" .. letters(n)
  local service = services[(n % #services) + 1]
  return '{"title":"Queue lag high on ' .. service .. ' consumer ' .. id ..
    '","severity":"' .. severity .. '","service":"' .. service ..
    '","environment":"production","message":"Consumer lag above 5000 messages for ' ..
    '5 minutes on partition group ' .. id .. '; producer rate normal.",' ..
    '"dedup_key":"bench-' .. run .. '-' .. tid .. '-' .. n .. '",' ..
    '"tags":{"team":"platform","region":"eu-west-1"}}'
end

function request()
  local body
  if batch > 1 then
    local items = {}
    for i = 1, batch do
      items[i] = alert()
    end
    body = "[" .. table.concat(items, ",") .. "]"
  else
    body = alert()
  end
  local headers = {["Content-Type"] = "application/json",
                   ["Authorization"] = "Bearer " .. token}
  return wrk.format("POST", "/api/alerts", headers, body)
end

function response(status, headers, body)
  if status == 202 and batch > 1 then
    local count = tonumber(string.match(body, '"accepted":%s*(%d+)') or "0")
    accepted = accepted + count
    not_accepted = not_accepted + (batch - count)
  elseif status == 202 then
    if string.find(body, '"accepted"', 1, true) then
      accepted = accepted + 1
    else
      not_accepted = not_accepted + 1
    end
  else
    non_202 = non_202 + 1
  end
end

function done(summary, latency, requests)
  local a, d, o = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    d = d + t:get("not_accepted")
    o = o + t:get("non_202")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"requests":%d,"duration_us":%d,"accepted":%d,"not_accepted_202":%d,' ..
    '"non_202":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, a, d, o,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean))
end
