#!/bin/sh
# Compares jixiao's renderer with LibreOffice on the same document.
#
# 1. go test -bench runs BenchmarkReportDocx (the 自评报告 to .docx),
#    BenchmarkReportPDF (straight to PDF) and BenchmarkRender (table and
#    report to .docx, .xlsx and .pdf) on the sample evaluation;
# 2. the same .docx is converted with `soffice --headless --convert-to pdf`
#    RUNS times (a fresh profile each time, as a batch job would);
# 3. prints both figures and the ratio soffice / jixiao.
#
# Usage: bench/render-vs-soffice.sh [RUNS]   (from the repository root)
set -eu
runs=${1:-3}
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "soffice not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go test ./render/ -run '^$' -bench 'ReportDocx|ReportPDF|Render$' -benchtime 30x -count 1 >"$tmp/bench.txt"
grep '^Benchmark' "$tmp/bench.txt"
ns() { awk -v n="$1" '$1 ~ "^"n"(-[0-9]+)?$" {print $3}' "$tmp/bench.txt"; }
docx_ns=$(ns BenchmarkReportDocx)
pdf_ns=$(ns BenchmarkReportPDF)

# the .docx soffice converts: the same report the benchmark renders
JIXIAO_RENDER_OUT="$tmp" go test ./render/ -run '^TestWriteSamples$' -count 1 >/dev/null
cp "$tmp/yanfeng-report.docx" "$tmp/report.docx"

total=0
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	start=$(date +%s%N)
	soffice -env:UserInstallation="file://$tmp/lo_$i" --headless --convert-to pdf --outdir "$tmp/out" "$tmp/report.docx" >/dev/null 2>&1
	end=$(date +%s%N)
	[ -s "$tmp/out/report.pdf" ] || { echo "soffice produced no PDF" >&2; exit 1; }
	total=$((total + end - start))
done
soffice_ns=$((total / runs))

awk -v d="$docx_ns" -v p="$pdf_ns" -v s="$soffice_ns" 'BEGIN {
	printf "jixiao report → .docx : %10.2f ms\n", d / 1e6
	printf "jixiao report → .pdf  : %10.2f ms\n", p / 1e6
	printf "soffice .docx → .pdf  : %10.2f ms (mean of runs)\n", s / 1e6
	printf "ratio soffice / jixiao docx: %.0fx, / jixiao pdf: %.0fx (target >= 100x)\n", s / d, s / p
}'
