-- wrk script: single track events to /v1/track, each with a unique messageId (a repeat would be deduplicated,
-- not stored). Usage: wrk -s bench/track.lua ... http://localhost:PORT
local counter = 0
local next_thread = 0

function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  prefix = "wrk-" .. os.time() .. "-" .. thread_id .. "-"
  key = os.getenv("HERALD_KEY") or "bench"
end

function request()
  counter = counter + 1
  local body = '{"type":"track","messageId":"' .. prefix .. counter .. '","userId":"user-' .. (counter % 1000)
    .. '","event":"Bench Event","properties":{"plan":"pro","amount":42,"items":["a","b"]},'
    .. '"timestamp":"2026-11-23T10:00:00.000Z","context":{"library":{"name":"wrk","version":"4.1.0"}}}'
  return wrk.format("POST", "/v1/track", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
