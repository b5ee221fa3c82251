#!/bin/sh
# Regenerates the pictures in docs/img from the current output: the 自评表
# (xlsx, docx, pdf) and the 自评报告 (docx, pdf) of the sample and of a generated
# 项目 evaluation, the Office files rendered by LibreOffice with the 公文
# font aliases of render/testdata/fonts.conf, jixiao's own PDF as it is,
# then drawn at 70 dpi.
# Needs: go, soffice (LibreOffice Writer and Calc), pdftoppm (poppler-utils).
# Run from the repository root: sh docs/img/make.sh
set -eu
root=$(pwd)
out=$root/docs/img
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FONTCONFIG_FILE="$root/render/testdata/fonts.conf"
go build -o "$work/jixiao" ./cmd/jixiao
j="$work/jixiao"

# a generated 项目 evaluation with many indicators: seed and index fixed
"$j" gen -n 1 --seed 3 --kind 项目 --error-rate 0 --formats yaml -o "$work/gen" --quiet >/dev/null
cp "$work/gen/eval-00001.yaml" "$work/project.yaml"
cp testdata/yanfeng-sfj-2024.yaml "$work/sample.yaml"

for src in sample project; do
	"$j" render --to xlsx --what table -o "$work/$src-table-xlsx.xlsx" "$work/$src.yaml"
	"$j" render --to docx --what table -o "$work/$src-table-docx.docx" "$work/$src.yaml"
	"$j" render --to docx --what report -o "$work/$src-report-docx.docx" "$work/$src.yaml"
	mkdir -p "$work/pdf"
	"$j" render --to pdf --what table -o "$work/pdf/$src-table-pdf.pdf" "$work/$src.yaml"
	"$j" render --to pdf --what report -o "$work/pdf/$src-report-pdf.pdf" "$work/$src.yaml"
done
for f in "$work"/*.xlsx "$work"/*.docx; do
	soffice -env:UserInstallation="file://$work/lo" --headless --convert-to pdf --outdir "$work/pdf" "$f" >/dev/null 2>&1
done
for pdf in "$work"/pdf/*.pdf; do
	name=$(basename "$pdf" .pdf)
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
	echo "$name: $pages page(s)"
	rm -f "$out/$name"-*.png "$out/$name.png"
	pdftoppm -r 70 -png "$pdf" "$work/png-$name"
	n=0
	for png in "$work/png-$name"-*.png; do
		n=$((n + 1))
		if [ "$pages" -eq 1 ]; then
			cp "$png" "$out/$name.png"
		else
			cp "$png" "$out/$name-$n.png"
		fi
	done
done
