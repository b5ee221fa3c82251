#!/bin/sh
# remake.sh — regenerate the re-makings of every corpus document from its remake.html, with
# LibreOffice (a tool that is not ours): remake.docx (Writer), remake.xlsx (Calc, the tables only,
# none for a document without a table)
# and remake.pdf (Writer's PDF export of remake.docx).
# Usage: testdata/real/remake.sh [folder...]   (default: every folder holding a remake.html)
# Idempotent: outputs are overwritten. Skips cleanly when soffice is absent.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v soffice >/dev/null 2>&1; then
	echo "remake.sh: soffice (LibreOffice) not found; re-makings left as they are" >&2
	exit 0
fi
# A private profile, so that a concurrent LibreOffice (another user, a test) does not block us.
profile=$(mktemp -d "${TMPDIR:-/tmp}/lo_remake.XXXXXX")
trap 'rm -rf "$profile"' EXIT
lo() { soffice --headless "-env:UserInstallation=file://$profile" "$@" >/dev/null 2>&1; }

if [ $# -eq 0 ]; then
	set -- "$here"/*/remake.html
else
	dirs=$*; set --
	for d in $dirs; do set -- "$@" "$here/$(basename "$d")/remake.html"; done
fi
n=0
for html in "$@"; do
	[ -f "$html" ] || { echo "remake.sh: no $html" >&2; continue; }
	dir=$(dirname "$html")
	lo --convert-to 'docx:MS Word 2007 XML' --outdir "$dir" "$html"
	# remake.xlsx holds the tables only: Calc imports a copy of remake.html reduced to its <table>
	# elements (head kept for the charset); a document without a table gets no remake.xlsx.
	if grep -q '<table' "$html"; then
		tabdir=$(mktemp -d "${TMPDIR:-/tmp}/remake_tab.XXXXXX")
		awk '/<table/{t=1} t{print} /<\/table>/{t=0} /<head>|<\/head>|<html|<body>/{if(!t)print} END{print "</body></html>"}' \
			"$html" >"$tabdir/remake.html"
		lo --infilter='HTML (StarCalc)' --convert-to xlsx --outdir "$tabdir" "$tabdir/remake.html"
		mv "$tabdir/remake.xlsx" "$dir/remake.xlsx"
		rm -rf "$tabdir"
	else
		rm -f "$dir/remake.xlsx"
	fi
	lo --convert-to pdf --outdir "$dir" "$dir/remake.docx"
	for f in remake.docx remake.pdf; do
		[ -s "$dir/$f" ] || { echo "remake.sh: $dir/$f not made" >&2; exit 1; }
	done
	n=$((n + 1))
	echo "remade $(basename "$dir")"
done
echo "remake.sh: $n document(s) remade"
