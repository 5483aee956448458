#!/usr/bin/env bash
# Registry benchmark: import time of N synthetic agreements (with their text
# bodies) and list/filter latency, on SQLite and PostgreSQL side by side.
#
#   bench/registry.sh [N]        (default N=100000)
#
# PostgreSQL: BENCH_PG (default postgres://postgres@127.0.0.1:5432); the
# script creates and drops the database passerelle_bench there.
# Results go to bench/out/ (ignored by git); copy the table into
# docs/benchmarks.md with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
pg="${BENCH_PG:-postgres://postgres@127.0.0.1:5432}"
out="$PWD/bench/out"
mkdir -p "$out"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/passerelle"

echo "== import of $n synthetic agreements"
rm -rf "$out/sqlite"
/usr/bin/time -f "sqlite: %e s wall, %M KB max RSS" "$bin" --data-dir "$out/sqlite" demo --synthetic "$n" 2>&1 | grep -v '^$' | tail -2
echo "sqlite database: $(du -sh "$out/sqlite" | cut -f1)"

psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS passerelle_bench" -c "CREATE DATABASE passerelle_bench"
/usr/bin/time -f "postgres: %e s wall, %M KB max RSS" "$bin" --database-url "$pg/passerelle_bench" demo --synthetic "$n" 2>&1 | grep -v '^$' | tail -2
echo "postgres database: $(psql "$pg/passerelle_bench" -Atc "SELECT pg_size_pretty(pg_database_size('passerelle_bench'))")"

echo "== list and filter latency (store API, one core, 300 runs per query)"
BENCH_SQLITE="$out/sqlite/passerelle.db" BENCH_POSTGRES="$pg/passerelle_bench" \
  cargo bench --quiet -p passerelle-store --bench list | tee "$out/list.md"

psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS passerelle_bench"
