-- A province's busy hour, as requests: learners reading lessons and searching, a learner's exam
-- autosaves, team members' guidance entries, officers opening their ward's dashboard. Tokens and
-- ids come from the environment (see bench/nginx-wrk.sh).
-- Mix per 20 requests: 8 lesson reads, 5 searches, 3 exam autosaves, 1 guidance entry, 3 dashboards.
local learner = os.getenv("LEARNER_TOKEN")
local officer = os.getenv("OFFICER_TOKEN")
local member = os.getenv("MEMBER_TOKEN")
local course = os.getenv("COURSE")
local attempt = os.getenv("ATTEMPT")
local choices = {}
for c in string.gmatch(os.getenv("CHOICES") or "", "[^|]+") do choices[#choices + 1] = c end
local items = #choices
local lessons = {}
for l in string.gmatch(os.getenv("LESSONS"), "[^,]+") do lessons[#lessons + 1] = l end
local people = {}
for p in string.gmatch(os.getenv("PEOPLE") or "", "[^,]+") do people[#people + 1] = p end
local ward = os.getenv("WARD")
local searches = {"cach nhan biet tin nhan lua dao", "vneid", "mat khau manh", "thanh toan khong dung tien mat",
                  "dich vu cong truc tuyen", "bao ve thong tin ca nhan"}
local n = 0
local thread_id = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

init = function(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
end

local function json(method, path, token, body)
  return wrk.format(method, path, {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

-- ONLY=read|search|save|guidance|dashboard sends that kind alone, to see what each costs
local only = ({read = 0, search = 8, save = 13, guidance = 16, dashboard = 17})[os.getenv("ONLY") or ""]

request = function()
  n = n + 1
  local r = only or (n % 20)
  if r < 8 then
    return wrk.format("GET", "/api/v1/courses/" .. course .. "/lessons/" .. lessons[(n % #lessons) + 1],
      {["Authorization"] = "Bearer " .. learner})
  elseif r < 13 then
    return wrk.format("GET", "/api/v1/search?q=" .. string.gsub(searches[(n % #searches) + 1], " ", "+"),
      {["Authorization"] = "Bearer " .. learner})
  elseif r < 16 then
    -- positions are 1-based; a save is idempotent, so repeating one is what a flaky phone does
    local p = (n % items) + 1
    return json("PUT", "/api/v1/me/exam-attempts/" .. attempt .. "/items/" .. p, learner,
      '{"choice":' .. choices[p] .. '}')
  elseif r < 17 then
    local id = string.format("wrk-%d-%d-%d", tid or 0, n, math.random(1, 1000000000))
    return json("POST", "/api/v1/guidance", member, '{"clientId":"' .. id .. '","place":"HOME","minutes":15,'
      .. '"outcome":"DONE","topics":["VNEID"],"people":[{"personId":' .. people[(n % #people) + 1] .. '}]}')
  else
    return wrk.format("GET", "/api/v1/dashboard/" .. ward, {["Authorization"] = "Bearer " .. officer})
  end
end

-- a refused client waits as told (Retry-After, 2 s) instead of asking again at once, as the
-- autosave script and a person reading "thử lại sau 2 giây" do: without it a closed-loop
-- generator turns every refusal into another request and measures its own retry storm
local waits = 0
delay = function()
  if waits > 0 then
    waits = waits - 1
    return 2000
  end
  return 0
end

-- the first few refusals of each thread, so that a run with non-2xx answers says why
local shown = 0
response = function(status, headers, body)
  if status == 503 then waits = waits + 1 end
  if status >= 400 and status ~= 503 and shown < 2 then
    shown = shown + 1
    io.stderr:write("FIRST-ERRORS " .. status .. " " .. string.sub(body or "", 1, 200) .. "\n")
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50=%.1fms p99=%.1fms errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
