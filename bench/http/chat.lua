-- POST /api/chat rotating over the questions of a JSON Lines file (default
-- bench/http/questions.jsonl: 48 dev questions of every kind, 3 in 4 about procedures), each
-- request a new conversation (no session field). The requests are formatted once in `init`,
-- so wrk spends no Lua time per request on the shared 2-core machine.
--   wrk -t2 -c64 -d15s --latency -s bench/http/chat.lua http://127.0.0.1:8022 -- FILE
local requests = {}
local next_index = 1

function init(args)
  local path = args[1] or "bench/http/questions.jsonl"
  local file = assert(io.open(path, "r"))
  local headers = { ["Content-Type"] = "application/json" }
  for line in file:lines() do
    if line:match("%S") then
      requests[#requests + 1] = wrk.format("POST", "/api/chat", headers, line)
    end
  end
  file:close()
  assert(#requests > 0, "no questions in " .. path)
  -- Threads start at different questions so the connections do not move in lockstep.
  next_index = (math.random(#requests) - 1) % #requests + 1
end

function request()
  local text = requests[next_index]
  next_index = next_index % #requests + 1
  return text
end
