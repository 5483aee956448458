-- The mixed workload of bench/load.sh: 80 % page and API reads, 15 %
-- searches, 5 % writes with a token (new agreements, each with its own
-- id, between New Zealand and Fiji so that the pages read stay the same
-- size), chosen at random per request. BENCH_TOKEN is the API token.
local token = os.getenv("BENCH_TOKEN") or "bench-token"
local reads = {
  "/fr", "/ar", "/en/agreements", "/fr/agreements?country=MA", "/fr/agreements?type=mou",
  "/fr/countries/MA", "/fr/countries/ES", "/fr/corridors/MA-ES", "/fr/gcm", "/fr/practices",
  "/api/v1/agreements", "/api/v1/agreements?country=MA&per_page=20", "/api/v1/stats",
}
local words = { "recrutement", "travailleurs", "seasonal", "salaire", "passport", "العمال", "sécurité sociale", "formation" }
local thread_id = 0
local counter = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function init(args)
  math.randomseed(os.time() + (id or 0))
end

function request()
  local r = math.random(100)
  if r <= 80 then
    return wrk.format("GET", reads[math.random(#reads)])
  elseif r <= 95 then
    local q = words[math.random(#words)]:gsub(" ", "+")
    return wrk.format("GET", "/fr/search?q=" .. q)
  end
  counter = counter + 1
  local key = string.format("load-%d-%d-%d", id or 0, os.time(), counter)
  local body = string.format(
    '{"id":"%s","title":"Load test agreement %s","type":"bilateral_agreement","status":"signed",' ..
    '"parties":[{"country":"NZ","role":"destination"},{"country":"FJ","role":"origin"}],' ..
    '"signed_on":"2020-01-01","sources":[{"url":"https://example.org/load"}]}', key, key)
  return wrk.format("POST", "/api/v1/agreements",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
