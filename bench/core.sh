#!/usr/bin/env bash
# The core benchmarks, on one core, with the spread a shared machine gives. They
# are regression guards, not targets (issue 15 retired the 10 µs and 2,000 docs/s
# targets, which cost a fixed-point twin of the decimal engine):
#   ScoreAndTableCheck30  score + table checks of one 30-indicator evaluation (guard: ≤ 150 µs/op)
#   AuditSample           import + extract + audit of the sample report (no guard; figures in docs/bench.md)
# Each benchmark runs COUNT times (default 10); the script prints min, median and max.
#   bench/core.sh                 COUNT=20 BENCHTIME=2s bench/core.sh
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-10}
BENCHTIME=${BENCHTIME:-1s}
bin=$(mktemp -d)/audit.test
trap 'rm -rf "$(dirname "$bin")"' EXIT
go test -c -o "$bin" ./audit
cd audit # AuditSample reads the sample through a path relative to the package
"$bin" -test.run '^$' -test.bench '^Benchmark(ScoreAndTableCheck30|AuditSample)$' -test.benchmem \
	-test.cpu 1 -test.count "$COUNT" -test.benchtime "$BENCHTIME" |
	awk -v count="$COUNT" '
	/^Benchmark/ {
		name = $1; sub(/^Benchmark/, "", name)
		n[name]++; ns[name, n[name]] = $3
		for (i = 4; i < NF; i++) {
			if ($(i+1) == "docs/s") ds[name, n[name]] = $i
			if ($(i+1) == "allocs/op") al[name] = $i
			if ($(i+1) == "B/op") by[name] = $i
		}
	}
	function sorted(name, arr, out,   i, j, k, t) {
		k = n[name]
		for (i = 1; i <= k; i++) out[i] = arr[name, i] + 0
		for (i = 2; i <= k; i++) for (j = i; j > 1 && out[j-1] > out[j]; j--) { t = out[j]; out[j] = out[j-1]; out[j-1] = t }
		return k
	}
	END {
		for (name in n) {
			k = sorted(name, ns, s)
			printf "%-22s %d runs  ns/op min %.0f  median %.0f  max %.0f  (%s allocs/op, %s B/op)\n", name, k, s[1], s[int((k+1)/2)], s[k], al[name], by[name]
			if ((name, 1) in ds) {
				k = sorted(name, ds, d)
				printf "%-22s %d runs  docs/s min %.0f  median %.0f  max %.0f\n", name, k, d[1], d[int((k+1)/2)], d[k]
			}
		}
	}'
