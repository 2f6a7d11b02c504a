-- wrk script: batches of BATCH_SIZE (default 100) track events to /v1/batch, unique messageIds.
local counter = 0
local next_thread = 0

function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  prefix = "wrkb-" .. os.time() .. "-" .. thread_id .. "-"
  key = os.getenv("HERALD_KEY") or "bench"
  size = tonumber(os.getenv("BATCH_SIZE") or "100")
end

function request()
  local events = {}
  for i = 1, size do
    counter = counter + 1
    events[i] = '{"type":"track","messageId":"' .. prefix .. counter .. '","userId":"user-' .. (counter % 1000)
      .. '","event":"Bench Event","properties":{"plan":"pro","amount":42,"items":["a","b"]},'
      .. '"timestamp":"2026-11-23T10:00:00.000Z"}'
  end
  local body = '{"batch":[' .. table.concat(events, ",") .. '],"context":{"library":{"name":"wrk","version":"4.1.0"}}}'
  return wrk.format("POST", "/v1/batch", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
