#!/usr/bin/env bash
# Search benchmark, two parts:
#  1. Passerelle's index, SQLite FTS5 and PostgreSQL full-text search side by
#     side on the same synthetic corpus and queries (cargo bench compare);
#  2. the HTTP API under load: a server on N synthetic agreements imported
#     through the store, wrk with 64 connections over the same queries.
#
#   bench/search.sh [N]          (default N=100000)
#
# Needs wrk (Debian: apt-get install wrk). PostgreSQL: BENCH_PG (default
# postgres://postgres@127.0.0.1:5432; a database is created and dropped).
# Results go to bench/out/ (ignored by git); copy them into
# docs/benchmarks.md with the date and commit.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
out="$PWD/bench/out"
mkdir -p "$out"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/passerelle"

if [ -z "${BENCH_SKIP_COMPARE:-}" ]; then
  echo "== engines side by side ($n agreements)"
  BENCH_N="$n" BENCH_QUERIES_OUT="$out/search-queries.txt" \
    cargo bench --quiet -p passerelle-search --bench compare | tee "$out/search-compare.md"
fi

echo "== HTTP, 64 connections"
data="$out/search-http-$n"
if [ ! -f "$data/passerelle.db" ]; then
  "$bin" --data-dir "$data" demo --synthetic "$n"
fi
/usr/bin/time -f "reindex: %e s wall, %M KB max RSS" "$bin" --data-dir "$data" reindex
port=18080
"$bin" --data-dir "$data" serve --bind "127.0.0.1:$port" > "$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/v1/stats" > /dev/null && break
  sleep 0.5
done
cat > "$out/queries.lua" <<LUA
local queries = {}
for line in io.lines("$out/search-queries.txt") do queries[#queries + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/search?" .. queries[(i % #queries) + 1] .. SUFFIX)
end
LUA
for variant in "facets=false&" "" ; do
  sed "s/SUFFIX/\"\&${variant%&}\"/" "$out/queries.lua" > "$out/queries-run.lua"
  echo "-- ${variant:-with facets and totals (default)}"
  wrk -t2 -c64 -d30s --latency -s "$out/queries-run.lua" "http://127.0.0.1:$port" | tee "$out/wrk-${variant:-facets}.txt"
done
