-- wrk script: each request asks for a random app (app-00000 .. app-<N-1>).
--   wrk -s bench/wrk/apps.lua URL -- MODE N NAMESPACE [ETAG_FILE] [statuses]
-- MODE: json | text | revalidate (If-None-Match with the app's ETag from ETAG_FILE, lines "name etag")
--       | list (the namespace's first page of apps) | ceiling (the ceiling app's /reports/{name})
-- At the end it prints "bench.<key> <value>" lines that bench/run.sh collects.
--
-- Answers are counted by status (200 and 304 apart, in response() below) only when the last argument
-- is "statuses": bench/lib.sh asks for it in the warm-up, not in the measured rounds. wrk hands
-- response() every header and body as Lua strings, and LuaJIT interns every string: at 100 apps,
-- 100 near-identical 4 KB bodies made wrk itself slow, and health JSON's p90 read 3.4 ms and p99
-- 7.3 ms where without it they read 0.8-1.0 ms and 2.8-3.3 ms (same replica, back to back). Without
-- it, what wrk counts anyway: answers of 400 and above (errors.status) and the rest (status_ok).

local mode, count, namespace, etag_file
local etags = {}
local requests = {}
local threads = {}
statuses = {}

local function app_name(i)
  return string.format("app-%05d", i)
end

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

-- Every request is built once in init(), as wrk's SCRIPTING guide advises for fast servers: built
-- per call, each one cost wrk a string.format, two concatenations and wrk.format, all interned by
-- LuaJIT, and at 10,000 apps 10,000 distinct strings where 100 apps reused 100, so wrk itself
-- took more of the two cores the bigger N was.
local function build(i)
  local name = app_name(i)
  if mode == "list" then
    return wrk.format("GET", "/api/v1/namespaces/" .. namespace .. "/apps", {Accept = "application/json"})
  elseif mode == "ceiling" then
    return wrk.format("GET", "/reports/" .. name, {Accept = "application/json"})
  end
  local path = "/api/v1/namespaces/" .. namespace .. "/apps/" .. name .. "/health"
  if mode == "text" then
    return wrk.format("GET", path, {Accept = "text/plain"})
  elseif mode == "revalidate" then
    return wrk.format("GET", path, {Accept = "application/json", ["If-None-Match"] = etags[name] or '"none"'})
  end
  return wrk.format("GET", path, {Accept = "application/json"})
end

function init(args)
  mode = args[1] or "json"
  count = tonumber(args[2] or "1")
  namespace = args[3] or "demo"
  etag_file = args[4]
  math.randomseed(os.time() * 1000 + (id or 0))
  counts_by_status = args[5] == "statuses"   -- a global: done() runs in the main state and reads it from a thread
  if not counts_by_status then
    -- wrk asks whether response is a function after init: without it no body reaches Lua
    response = nil
  end
  if mode == "revalidate" then
    local f = assert(io.open(etag_file, "r"))
    for line in f:lines() do
      local name, tag = line:match("^(%S+)%s+(.+)$")
      if name then etags[name] = tag end
    end
    f:close()
  end
  for i = 0, count - 1 do
    requests[i + 1] = build(i)
  end
end

function request()
  return requests[math.random(1, count)]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

local function emit(key, value)
  io.write(string.format("bench.%s %s\n", key, tostring(value)))
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  emit("requests", summary.requests)
  emit("seconds", string.format("%.3f", seconds))
  emit("rps", string.format("%.1f", summary.requests / seconds))
  emit("bytes_per_response", string.format("%.0f", summary.requests > 0 and summary.bytes / summary.requests or 0))
  emit("mean_ms", string.format("%.3f", latency.mean / 1000))
  for _, p in ipairs({50, 90, 99}) do
    emit("p" .. p .. "_ms", string.format("%.3f", latency:percentile(p) / 1000))
  end
  emit("max_ms", string.format("%.3f", latency.max / 1000))
  local e = summary.errors
  emit("socket_errors", e.connect + e.read + e.write)
  -- answers slower than wrk's --timeout: counted here, left out of the latencies
  emit("timeouts", e.timeout)
  if not (threads[1] and threads[1]:get("counts_by_status")) then
    emit("status_ok", summary.requests - e.status)
    emit("status_other", e.status)
    return
  end
  local by_status = {}
  for _, thread in ipairs(threads) do
    -- a thread's table comes back through get() as a copy of its lua state's value
    local s = thread:get("statuses")
    for code, n in pairs(s or {}) do by_status[code] = (by_status[code] or 0) + n end
  end
  local other = 0
  for code, n in pairs(by_status) do
    if code == 200 or code == 304 then emit("status_" .. code, n) else other = other + n end
  end
  emit("status_other", other)
end
