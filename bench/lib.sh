# Shared by the benchmark scripts (sourced, from the repository root).

# bench_data NAME N: builds the release binary and makes (once) a data
# folder with the demo data and N synthetic agreements; sets `out`, `bin`
# and `data`.
bench_data() {
  out="$PWD/bench/out"
  mkdir -p "$out"
  cargo build --release --quiet
  bin="${CARGO_TARGET_DIR:-target}/release/passerelle"
  data="$out/$1-$2"
  if [ ! -f "$data/passerelle.db" ]; then
    "$bin" --data-dir "$data" demo
    "$bin" --data-dir "$data" demo --synthetic "$2"
  fi
}

# wait_for BASE: waits until the server at BASE answers its health check
# (it may be building its search index first).
wait_for() {
  for _ in $(seq 1 600); do
    curl -fs "$1/healthz" > /dev/null && return 0
    sleep 0.5
  done
  echo "the server at $1 did not answer" >&2
  return 1
}

# bench_bin: sets `bin` to BENCH_BIN when given (a debug build, say), or
# builds the release binary.
bench_bin() {
  if [ -n "${BENCH_BIN:-}" ]; then
    bin="$BENCH_BIN"
  else
    cargo build --release --quiet
    bin="${CARGO_TARGET_DIR:-target}/release/passerelle"
  fi
}
