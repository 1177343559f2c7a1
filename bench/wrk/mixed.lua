-- A province's busy hour, as requests: learners reading lessons and searching, officers opening
-- their ward's dashboard. Tokens and ids come from the environment (see bench/nginx-wrk.sh).
local learner = os.getenv("LEARNER_TOKEN")
local officer = os.getenv("OFFICER_TOKEN")
local course = os.getenv("COURSE")
local lessons = {}
for l in string.gmatch(os.getenv("LESSONS"), "[^,]+") do lessons[#lessons + 1] = l end
local ward = os.getenv("WARD")
local searches = {"cach nhan biet tin nhan lua dao", "vneid", "mat khau manh", "thanh toan khong dung tien mat",
                  "dich vu cong truc tuyen", "bao ve thong tin ca nhan"}
local n = 0

request = function()
  n = n + 1
  local r = n % 10
  if r < 5 then
    return wrk.format("GET", "/api/v1/courses/" .. course .. "/lessons/" .. lessons[(n % #lessons) + 1],
      {["Authorization"] = "Bearer " .. learner})
  elseif r < 8 then
    return wrk.format("GET", "/api/v1/search?q=" .. string.gsub(searches[(n % #searches) + 1], " ", "+"),
      {["Authorization"] = "Bearer " .. learner})
  else
    return wrk.format("GET", "/api/v1/dashboard/" .. ward, {["Authorization"] = "Bearer " .. officer})
  end
end

local codes = {}
response = function(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.0f p50=%.1fms p99=%.1fms errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
