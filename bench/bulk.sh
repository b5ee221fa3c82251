#!/usr/bin/env bash
# Bulk-checking benchmark: jixiao check over generated .docx files against
# the floor (open each zip, tokenise word/document.xml, nothing else), with
# the same files and the same parallelism. Prints documents per second for
# both, the ratio, and peak RSS; runs several corpus sizes to show that
# memory stays flat as N grows.
#
#   bench/bulk.sh                 # N = 1000 and 10000, 2 workers
#   SIZES="1000" JOBS=2 bench/bulk.sh
#   BENCH_OUT=/tmp/jb bench/bulk.sh
#
# Corpora are generated once (jixiao gen, seed 1, national-2020 rules so
# that `check` applies the rules they were scored under) into
# $BENCH_OUT/docx-N and reused. Regression guards: jixiao ≤ 2× the floor's time,
# ≥ 1,000 docs/s on 2 cores. See docs/bench.md.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${BENCH_OUT:-bench/out}
JOBS=${JOBS:-2}
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-1}
mkdir -p "$OUT/bin"

if [ ! -x /usr/bin/time ]; then
	echo "installing GNU time (for peak RSS)…" >&2
	if command -v apt-get >/dev/null; then
		apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
	fi
	[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time (GNU time) is required" >&2; exit 2; }
fi

echo "building…" >&2
CGO_ENABLED=0 go build -o "$OUT/bin/jixiao" ./cmd/jixiao
CGO_ENABLED=0 go build -o "$OUT/bin/floor" ./bench/floor

calc() { awk "BEGIN { print $1 }"; }

# measure LABEL CMD… : runs CMD under GNU time; sets WALL (s) and RSS (MiB)
measure() {
	local log="$OUT/time.log"
	/usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$OUT/stderr.log" || true
	WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
		n = split($2, p, ":"); s = 0
		for (i = 1; i <= n; i++) s = s * 60 + p[i]
		print s }' "$log")
	RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$log")
}

printf "%-7s %-5s %8s %8s %9s %9s %7s %10s %10s %12s\n" N jobs "floor s" "floor/s" "jixiao s" "jixiao/s" ratio "RSS floor" "RSS check" "RSS no-summ"
for n in $SIZES; do
	dir="$OUT/docx-$n"
	if [ ! -f "$dir/.complete" ]; then
		rm -rf "$dir"
		echo "generating $n .docx into $dir…" >&2
		start=$(date +%s.%N)
		"$OUT/bin/jixiao" gen -n "$n" -o "$dir" --formats docx --seed 1 --rules national-2020 --quiet >&2
		echo "generated in $(calc "$(date +%s.%N) - $start") s" >&2
		touch "$dir/.complete"
	fi
	cat "$dir"/*.docx >/dev/null # warm the page cache for both
	for _ in $(seq "$RUNS"); do
		measure "$OUT/bin/floor" -jobs "$JOBS" "$dir"
		fw=$WALL frss=$RSS
		measure "$OUT/bin/jixiao" check --quiet --jobs "$JOBS" --summary "$OUT/summary-$n.xlsx" "$dir"
		jw=$WALL jrss=$RSS
		# the same without --summary: the difference is the workbook, which
		# excelize's StreamWriter holds up to 16 MiB per sheet before it
		# spills, and builds in memory when it is written (render/summary)
		measure "$OUT/bin/jixiao" check --quiet --jobs "$JOBS" "$dir"
		nrss=$RSS
		printf "%-7s %-5s %8.2f %8.0f %9.2f %9.0f %6.2fx %10s %10s %12s\n" "$n" "$JOBS" "$fw" \
			"$(calc "$n / $fw")" "$jw" "$(calc "$n / $jw")" "$(calc "$jw / $fw")" "$frss" "$jrss" "$nrss"
	done
done
echo "(ratio = jixiao wall time / floor wall time; RSS = peak resident MiB of floor, check --summary, check without --summary;" >&2
echo " guards: ratio ≤ 2, jixiao ≥ 1000 docs/s)" >&2
