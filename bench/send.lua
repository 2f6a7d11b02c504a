-- wrk script: sends to /send (inline content rendered with data, to an ad-hoc address); Herald delivers them
-- through the console provider. Usage: wrk -s bench/send.lua ... http://localhost:PORT
local counter = 0
local next_thread = 0

function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  key = os.getenv("HERALD_KEY") or "bench"
end

function request()
  counter = counter + 1
  local body = '{"message":{"to":{"email":"user-' .. thread_id .. '-' .. (counter % 1000) .. '@example.org"},'
    .. '"content":{"title":"Hello {{name}}","body":"Your code is {{code}}"},'
    .. '"data":{"name":"bench","code":"' .. counter .. '"}}}'
  return wrk.format("POST", "/send", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, body)
end
