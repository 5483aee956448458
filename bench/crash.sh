#!/usr/bin/env bash
# Crash proof: SIGKILLs the server at random moments while writers post
# agreements through the API and `passerelle import` loads batches, then
# checks that every acknowledged write is in the store and in every node's
# search, that each import batch is there whole or not at all, and (on
# SQLite) that the database passes its integrity check.
#
#   bench/crash.sh sqlite [KILLS]      one node, embedded SQLite
#   bench/crash.sh postgres [KILLS]    two nodes on one PostgreSQL database
#                                      (PASSERELLE_CRASH_DATABASE, default
#                                      postgres://postgres@127.0.0.1:5432),
#                                      each kill hits one node at random
#
# KILLS defaults to 50. BENCH_BIN runs a given binary instead of building
# the release one. Writers post to every node in turn; an import
# process is killed too, at random, about one kill in three. Results go to
# bench/out/crash-BACKEND.md (ignored by git); copy the figures into
# docs/reliability.md with the date and commit.
set -euo pipefail
cd "$(dirname "$0")/.."
backend="${1:?sqlite or postgres}"
kills="${2:-50}"
writers=4
out="$PWD/bench/out"
mkdir -p "$out"
source bench/lib.sh
bench_bin
run="$out/crash-$backend"
rm -rf "$run"
mkdir -p "$run"
token=crash-token
run_id="crash$$"

case "$backend" in
  sqlite)
    nodes=1
    db_args=()
    ;;
  postgres)
    nodes=2
    server="${PASSERELLE_CRASH_DATABASE:-postgres://postgres@127.0.0.1:5432}"
    dbname="passerelle_$run_id"
    psql "$server/postgres" -q -c "CREATE DATABASE $dbname" > /dev/null
    db_args=(--database-url "$server/$dbname")
    ;;
  *)
    echo "backend: sqlite or postgres" >&2
    exit 2
    ;;
esac

port() { echo $((18190 + $1)); }
base() { echo "http://127.0.0.1:$(port "$1")"; }

start() { # start NODE: a server with its own data folder (its search index)
  PASSERELLE_ADMIN_TOKEN=$token "$bin" --data-dir "$run/node$1" "${db_args[@]}" \
    serve --bind "127.0.0.1:$(port "$1")" >> "$run/node$1.log" 2>&1 &
  echo $! > "$run/node$1.pid"
}

healthy() { # healthy NODE: waits for the health check to answer
  for _ in $(seq 1 600); do
    curl -fs "$(base "$1")/healthz" > /dev/null && return 0
    sleep 0.1
  done
  echo "node $1 did not come back" >&2
  return 1
}

# Whatever ends the run (a node that does not come back, an interrupt)
# stops the writers and the nodes.
cleanup() {
  touch "$run/stop"
  for f in "$run"/node*.pid "$run"/importer.pid; do
    [ -f "$f" ] && kill -9 "$(cat "$f")" 2> /dev/null || true
  done
}
trap cleanup EXIT

"$bin" --data-dir "$run/node0" "${db_args[@]}" migrate > /dev/null
for n in $(seq 0 $((nodes - 1))); do
  start "$n"
  healthy "$n"
done

# A writer posts agreements with ids it numbers, to each node in turn, and
# notes every id the server acknowledged (201).
writer() {
  local w=$1 i=0 node code
  while [ ! -f "$run/stop" ]; do
    i=$((i + 1))
    node=$((i % nodes))
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 10 \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"id\":\"$run_id-w$w-$i\",\"title\":\"Accord $run_id w$w $i\",\"type\":\"bilateral_agreement\",\"status\":\"in_force\",\"parties\":[{\"country\":\"FR\",\"role\":\"destination\"},{\"country\":\"MA\",\"role\":\"origin\"}],\"signed_on\":\"2001-06-01\",\"sources\":[{\"url\":\"https://example.org/s\"}]}" \
      "$(base "$node")/api/v1/agreements" || true)
    if [ "$code" = 201 ]; then
      echo "$run_id-w$w-$i" >> "$run/acked-$w"
    fi
  done
}

# An importer loads batches of 40 agreements with `passerelle import`; a
# batch whose command said so is acknowledged.
importer() {
  local b=0
  while [ ! -f "$run/stop" ]; do
    b=$((b + 1))
    python3 - "$run_id" "$b" > "$run/batch-$b.json" <<'PY'
import json, sys
run, b = sys.argv[1], sys.argv[2]
print(json.dumps([{"id": f"{run}-b{b}-{i}", "title": f"Accord {run} batch {b} {i}",
  "type": "mou", "status": "signed", "parties": [{"country": "ES", "role": "destination"},
  {"country": "SN", "role": "origin"}], "signed_on": "2006-10-10",
  "sources": [{"url": "https://example.org/b"}]} for i in range(40)]))
PY
    echo "$b" >> "$run/batches"
    "$bin" --data-dir "$run/importer" "${db_args[@]}" import --kind agreements "$run/batch-$b.json" \
      > /dev/null 2>&1 &
    echo $! > "$run/importer.pid"
    if wait $!; then
      echo "$b" >> "$run/acked-batches"
    fi
  done
}

if [ "$backend" = sqlite ]; then
  # The importer writes to the node's own database file.
  db_args=(--database-url "sqlite://$run/node0/passerelle.db")
fi
workers=()
for w in $(seq 1 $writers); do
  writer "$w" &
  workers+=($!)
done
importer &
workers+=($!)

started=$(date +%s)
for k in $(seq 1 "$kills"); do
  sleep "0.$((RANDOM % 9 + 1))"
  node=$((RANDOM % nodes))
  victim=$(cat "$run/node$node.pid")
  kill -9 "$victim" 2> /dev/null || true
  # As a supervisor would: the new process starts once the old is gone
  # (it holds the node's search index until then).
  while kill -0 "$victim" 2> /dev/null; do sleep 0.02; done
  if [ $((RANDOM % 3)) = 0 ] && [ -f "$run/importer.pid" ]; then
    kill -9 "$(cat "$run/importer.pid")" 2> /dev/null || true
  fi
  start "$node"
  healthy "$node"
  echo "kill $k of $kills: node $node" >> "$run/kills.log"
done
touch "$run/stop"
for p in "${workers[@]}"; do wait "$p" 2> /dev/null || true; done
elapsed=$(( $(date +%s) - started ))

# Every node catches up before it is read.
for n in $(seq 0 $((nodes - 1))); do
  for _ in $(seq 1 600); do
    curl -fs "$(base "$n")/healthz" | grep -q '"ok"' && break
    sleep 0.2
  done
done

cat "$run"/acked-* 2> /dev/null | grep -v '^[0-9]*$' | sort -u > "$run/acked" || true
acked=$(wc -l < "$run/acked")
# The store: every acknowledged write, read back through the API.
curl -fs "$(base 0)/api/v1/export/agreements?format=json" \
  | python3 -c "import json,sys; [print(r['id']) for r in json.load(sys.stdin)]" | sort -u > "$run/stored"
lost=$(comm -23 "$run/acked" "$run/stored" | wc -l)
# Each node's search: the run's writes found by their title word.
search_missing=""
for n in $(seq 0 $((nodes - 1))); do
  found=$(curl -fs "$(base "$n")/api/v1/search?q=$run_id&kind=agreements&per_page=1" \
    | python3 -c "import json,sys; print(json.load(sys.stdin)['total'])")
  in_store=$(grep -c "^$run_id" "$run/stored" || true)
  search_missing="$search_missing node$n:$((in_store - found))"
done
# Import batches: whole or absent; acknowledged ones whole.
half=0
batch_lost=0
for b in $(cat "$run/batches"); do
  c=$(grep -c "^$run_id-b$b-" "$run/stored" || true)
  if [ "$c" != 0 ] && [ "$c" != 40 ]; then half=$((half + 1)); fi
  if grep -qx "$b" "$run/acked-batches" 2> /dev/null && [ "$c" != 40 ]; then
    batch_lost=$((batch_lost + 1))
  fi
done
batches=$(wc -l < "$run/batches")
acked_batches=$(wc -l < "$run/acked-batches" 2> /dev/null || echo 0)

for n in $(seq 0 $((nodes - 1))); do kill "$(cat "$run/node$n.pid")" 2> /dev/null || true; done
sleep 1
integrity="n/a"
if [ "$backend" = sqlite ]; then
  integrity=$(sqlite3 "$run/node0/passerelle.db" 'PRAGMA integrity_check;')
else
  psql "$server/postgres" -q -c "DROP DATABASE $dbname WITH (FORCE)" > /dev/null
fi

{
  echo "## Crash run, $backend, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)"
  echo
  echo "| kills | nodes | seconds | writes acknowledged | lost | search behind the store (per node) | import batches (acknowledged) | half-imported | acknowledged batches not whole | integrity |"
  echo "|---:|---:|---:|---:|---:|---|---:|---:|---:|---|"
  echo "| $kills | $nodes | $elapsed | $acked | $lost |$search_missing | $batches ($acked_batches) | $half | $batch_lost | $integrity |"
} | tee "$out/crash-$backend.md"
[ "$lost" = 0 ] && [ "$half" = 0 ] && [ "$batch_lost" = 0 ]
