#!/usr/bin/env bash
# Every bench, one after another, for a quiet machine (about 15 minutes on
# 2 cores). Each bench's output goes to $OUT/<name>.txt, a log of start times
# and load averages to $OUT/log. PG is the PostgreSQL the server benches use.
set -u
cd "$(dirname "$0")/.."
PG="${PG:-postgres://postgres@127.0.0.1:5432/test?sslmode=disable}"
OUT="${OUT:-bench/out/all}"
mkdir -p "$OUT"
run() {
  name=$1; shift
  echo "== $name $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/log"
  "$@" > "$OUT/$name.txt" 2>&1
  echo "rc=$? $(date +%T)" >> "$OUT/$name.txt"
}
run core env COUNT=5 bash bench/core.sh
run api-sqlite go run ./bench/api
run api-pg go run ./bench/api -db "$PG"
run web go run ./bench/web
run intake-sqlite go run ./bench/intake
run intake-pg go run ./bench/intake -db "$PG"
run bulk env SIZES=10000 RUNS=1 bash bench/bulk.sh
run dash-sqlite go run ./bench/dashboard
run dash-pg go run ./bench/dashboard -db "$PG" -units 3000 -years 5 -copies 6
echo "== done $(date +%T)" | tee -a "$OUT/log"
