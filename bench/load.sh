#!/usr/bin/env bash
# Load benchmark: pages and API reads under many connections on N
# synthetic agreements (plus the demo data), then a mixed workload (80 %
# reads, 15 % searches, 5 % writes, bench/mixed.lua) at 16, 64 and 256
# connections, with the page cache on and off, one server after the other
# on the same data (the writes of the first run stay), so the two compare
# side by side.
#
#   bench/load.sh [N]          (default N=20000)
#
# Needs wrk (Debian: apt-get install wrk). BENCH_SECONDS sets each run's
# length (default 10). Results go to bench/out/load.md (ignored by git);
# copy them into docs/benchmarks.md with the date and commit.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
n="${1:-20000}"
secs="${BENCH_SECONDS:-10}"
bench_data load "$n"
port=18082
token=bench-token
base="http://127.0.0.1:$port"
pages=(
  "/fr"
  "/ar"
  "/fr/agreements"
  "/fr/agreements?country=MA&type=mou"
  "/fr/countries/MA"
  "/fr/corridors/MA-ES"
  "/fr/gcm"
  "/fr/search?q=recrutement"
  "/api/v1/agreements"
  "/api/v1/agreements?country=MA&per_page=20"
)
# The pages also run at 256 connections.
crowded=("/fr" "/api/v1/agreements")
ms() { # wrk latency (1.23ms, 456.00us, 1.02s) in ms
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.0f", v * 1000 } }'
}
report="$out/load.md"
: > "$out/load-memory.txt"
{
  echo "| page | connections | cache | req/s | p50 ms | p99 ms | errors |"
  echo "|---|---:|---|---:|---:|---:|---:|"
} > "$report"
run() { # page connections cache [wrk options]
  local r
  if [ $# -gt 3 ]; then
    r=$(BENCH_TOKEN=$token wrk -t2 -c"$2" -d"${secs}s" --latency "${@:4}" "$base/")
  else
    r=$(wrk -t2 -c"$2" -d"${secs}s" --latency "$base$1")
  fi
  local rps p50 p99 non2xx sock
  rps=$(echo "$r" | awk '/^Requests\/sec/ { printf "%.0f", $2 }')
  p50=$(ms "$(echo "$r" | awk '$1 == "50%" { print $2 }')")
  p99=$(ms "$(echo "$r" | awk '$1 == "99%" { print $2 }')")
  non2xx=$(echo "$r" | awk '/Non-2xx/ { print $5 }')
  sock=$(echo "$r" | awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }')
  echo "| \`$1\` | $2 | $3 | $rps | $p50 | $p99 | $(( ${non2xx:-0} + ${sock:-0} )) |" >> "$report"
}
for cache in on off; do
  if [ "$cache" = on ]; then flag=true; else flag=false; fi
  printf 'page_cache = %s\n' "$flag" > "$data/passerelle.toml"
  PASSERELLE_ADMIN_TOKEN=$token "$bin" --data-dir "$data" serve --bind "127.0.0.1:$port" > "$out/load-serve-$cache.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  wait_for "$base"
  for p in "${pages[@]}"; do
    curl -fs -o /dev/null "$base$p" || { echo "$p does not answer 200"; exit 1; }
    run "$p" 64 "$cache"
  done
  for p in "${crowded[@]}"; do
    run "$p" 256 "$cache"
  done
  # The mixed workload: reads, searches and 5 % writes at once.
  for c in 16 64 256; do
    run "mixed (bench/mixed.lua)" "$c" "$cache" -s bench/mixed.lua
  done
  rss=$(ps -o rss= -p "$server" | tr -d ' ')
  echo "cache $cache: server resident memory after the runs: $(( rss / 1024 )) MB" >> "$out/load-memory.txt"
  kill "$server"
  wait "$server" 2>/dev/null || true
done
rm -f "$data/passerelle.toml"
cat "$report" "$out/load-memory.txt"
