-- wrk script: single track events of about 1 KB (an analytics.js event with its usual context) to /v1/track, each
-- with a unique messageId (a repeat would be deduplicated, not stored). Usage: wrk -s bench/track.lua ... http://localhost:PORT
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
    .. '","anonymousId":"3f1c2b9e-7a4d-4e61-9b0c-2d8e5f7a1c34","event":"Bench Event",'
    .. '"properties":{"plan":"pro","amount":42,"currency":"GBP","items":["seat","sso"],"coupon":"WINTER24","trial":false},'
    .. '"timestamp":"2026-11-23T10:00:00.000Z","sentAt":"2026-11-23T10:00:00.120Z",'
    .. '"context":{"library":{"name":"analytics.js","version":"4.1.0"},"ip":"203.0.113.42","locale":"en-GB","timezone":"Europe/London","userAgent":"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36","page":{"path":"/pricing","referrer":"https://www.example.com/blog/notifications","search":"?utm_source=newsletter","title":"Pricing - Example","url":"https://app.example.com/pricing?utm_source=newsletter"},"campaign":{"name":"winter-launch","source":"newsletter","medium":"email","content":"hero-button"},"screen":{"width":1512,"height":982,"density":2}}}'
  return wrk.format("POST", "/v1/track", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
