#!/usr/bin/env bash
# Page benchmark: server time of every page type on N synthetic agreements
# (plus the demo data and one assessed agreement), one connection at a
# time so that latency is the server's own time, and the weight of the
# home page with its assets, compressed.
#
#   bench/pages.sh [N]          (default N=100000)
#
# Needs wrk (Debian: apt-get install wrk). Results go to bench/out/
# (ignored by git); copy them into docs/benchmarks.md with the date and
# commit.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
n="${1:-100000}"
secs="${BENCH_SECONDS:-10}"
bench_data pages "$n"
port=18081
token=bench-token
PASSERELLE_ADMIN_TOKEN=$token "$bin" --data-dir "$data" serve --bind "127.0.0.1:$port" > "$out/pages-serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
wait_for "$base"
# One agreement with an assessed public text, for the scorecard pages.
curl -fs -X POST -H "Authorization: Bearer $token" -H 'content-type: application/json' \
  "$base/api/v1/agreements" -d '{"id":"bench-assessed","title":"Accord de main-d'"'"'œuvre (banc d'"'"'essai)","titles":{"en":"Labour agreement (benchmark)"},"type":"bilateral_agreement","status":"in_force","parties":[{"country":"BE","role":"destination"},{"country":"MA","role":"origin"}],"signed_on":"2020-01-01","text_public":true}' > /dev/null || true
curl -fs -X POST -H "Authorization: Bearer $token" -H 'content-type: text/plain; charset=utf-8' \
  --data-binary @crates/assess/corpus/documents/fr/maroc_belgique_accord_main_oeuvre.txt \
  "$base/api/v1/agreements/bench-assessed/documents?file_name=accord.txt" > /dev/null || true
sleep 2
other=$(curl -fs "$base/api/v1/agreements?per_page=1&country=MA&sort=title" | sed -n 's/.*"slug":"\([^"]*\)".*/\1/p' | head -1)

pages=(
  "/en"
  "/ar"
  "/en/agreements"
  "/en/agreements?country=MA&type=mou"
  "/en/agreements?region=015&status=in_force"
  "/en/agreements?year_from=2000&year_to=2010&objective=6"
  "/en/agreements?year_from=2000&year_to=2010&sort=title&page=3"
  "/en/agreements?q=saisonniers"
  "/en/agreements/bench-assessed"
  "/ar/agreements/bench-assessed"
  "/en/compare?a=bench-assessed&a=$other"
  "/en/assess"
  "/en/search?q=recruitment+fees"
  "/ar/search?q=%D8%A7%D9%84%D8%B9%D9%85%D8%A7%D9%84"
  "/en/practices"
  "/en/commitments"
  "/en/countries"
  "/en/countries/MA"
  "/en/corridors/MA-ES"
  "/en/gcm"
  "/feeds/agreements.atom"
)
report="$out/pages.md"
: > "$out/pages-weight.txt"
{
  echo "| page | req/s | p50 ms | p90 ms | p99 ms | bytes |"
  echo "|---|---:|---:|---:|---:|---:|"
} > "$report"
ms() { # wrk latency (e.g. 1.23ms, 456.00us, 1.02s) in ms
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.0f", v * 1000 } }'
}
for p in "${pages[@]}"; do
  curl -fs -o /dev/null "$base$p" || { echo "$p does not answer 200"; exit 1; }
  bytes=$(curl -fs "$base$p" | wc -c)
  r=$(wrk -t1 -c1 -d"${secs}s" --latency "$base$p")
  rps=$(echo "$r" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
  p50=$(ms "$(echo "$r" | awk '$1 == "50%" { print $2 }')")
  p90=$(ms "$(echo "$r" | awk '$1 == "90%" { print $2 }')")
  p99=$(ms "$(echo "$r" | awk '$1 == "99%" { print $2 }')")
  echo "| \`$p\` | $rps | $p50 | $p90 | $p99 | $bytes |" | tee -a "$report"
done

# Weight of the home page with everything it loads, gzip-compressed (as a
# reverse proxy would serve it) and raw.
total_raw=0; total_gz=0
for a in /en /assets/site.css /assets/site.js /assets/vendor/htmx/htmx.min.js; do
  raw=$(curl -fs "$base$a" | wc -c)
  gz=$(curl -fs "$base$a" | gzip -9 | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  echo "$a: $raw bytes, $gz gzipped" >> "$out/pages-weight.txt"
done
echo "home page with its assets: $total_raw bytes, $total_gz gzipped" >> "$out/pages-weight.txt"
cat "$out/pages-weight.txt"
