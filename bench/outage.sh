#!/usr/bin/env bash
# PostgreSQL stops under a running node: writes, reads, pages and the
# health check must answer quickly (503 `database_unavailable` with
# Retry-After, never a hang), nothing acknowledged is lost, and the node
# serves again by itself once PostgreSQL is back.
#
#   bench/outage.sh [SECONDS]     (PostgreSQL stays down SECONDS, default 5)
#
# Stops and starts the local cluster (`pg_ctlcluster`): run it on a machine
# whose PostgreSQL nothing else is using. BENCH_BIN runs a given binary
# instead of building the release one. Results go to bench/out/outage.md.
set -euo pipefail
cd "$(dirname "$0")/.."
down="${1:-5}"
out="$PWD/bench/out"
mkdir -p "$out"
source bench/lib.sh
bench_bin
server="${PASSERELLE_CRASH_DATABASE:-postgres://postgres@127.0.0.1:5432}"
db="passerelle_outage$$"
version=$(ls /etc/postgresql | head -1)
run="$out/outage"
rm -rf "$run"
mkdir -p "$run"
base=http://127.0.0.1:18299
psql "$server/postgres" -q -c "CREATE DATABASE $db"
cleanup() {
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2> /dev/null || true
  [ -f "$run/pid" ] && kill "$(cat "$run/pid")" 2> /dev/null || true
  sleep 1
  psql "$server/postgres" -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
}
trap cleanup EXIT
"$bin" --data-dir "$run/node" --database-url "$server/$db" migrate > /dev/null
PASSERELLE_ADMIN_TOKEN=tok "$bin" --data-dir "$run/node" --database-url "$server/$db" \
  serve --bind 127.0.0.1:18299 > "$run/node.log" 2>&1 &
echo $! > "$run/pid"
for _ in $(seq 1 300); do curl -fs "$base/healthz" > /dev/null && break; sleep 0.1; done

post() { # post ID: "CODE SECONDS"
  curl -s -o "$run/body" -w '%{http_code} %{time_total}' -m 30 \
    -H "Authorization: Bearer tok" -H 'Content-Type: application/json' \
    -d "{\"id\":\"$1\",\"title\":\"Accord $1\",\"type\":\"mou\",\"status\":\"signed\",\"parties\":[{\"country\":\"ES\",\"role\":\"destination\"},{\"country\":\"SN\",\"role\":\"origin\"}],\"signed_on\":\"2006-10-10\",\"sources\":[{\"url\":\"https://example.org/b\"}]}" \
    "$base/api/v1/agreements"
}
get() { curl -s -o /dev/null -w '%{http_code} %{time_total}' -m 30 "$base$1"; }
retry_after() { curl -s -D - -o /dev/null -m 30 "$base$1" | tr -d '\r' | awk -F': ' 'tolower($1) == "retry-after" { print $2 }'; }

before=$(post before)
pg_ctlcluster --skip-systemctl-redirect "$version" main stop -m fast
write=$(post during)
read=$(get /api/v1/agreements/before)
page=$(get /fr/agreements/before)
health=$(get /healthz)
after_header=$(retry_after /api/v1/agreements/before)
sleep "$down"
pg_ctlcluster --skip-systemctl-redirect "$version" main start
back=$(date +%s.%N)
recovered=""
for i in $(seq 1 300); do
  if [ "$(post "after$i" | cut -d' ' -f1)" = 201 ]; then
    recovered=$(echo "$(date +%s.%N) - $back" | bc)
    break
  fi
  sleep 0.1
done
kept=$(get /api/v1/agreements/before | cut -d' ' -f1)
{
  echo "## PostgreSQL stopped ${down} s under a running node, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)"
  echo
  echo "| before | write during | read during | page during | health during | Retry-After | first write accepted after restart | acknowledged write kept |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "| $before s | $write s | $read s | $page s | $health s | ${after_header:-none} | ${recovered:-never} s | $kept |"
} | tee "$out/outage.md"
[ "${write%% *}" = 503 ] && [ "${health%% *}" = 503 ] && [ -n "$recovered" ] && [ "$kept" = 200 ]
