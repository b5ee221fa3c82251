#!/bin/sh
# remake2.sh — the corpus2 helper's re-makings, until they are folded into remake.sh (same method):
# from each document's remake.html, LibreOffice (a tool that is not ours) makes remake.docx
# (Writer), remake.xlsx (Calc, tables only) and remake.pdf (Writer's PDF export of remake.docx).
# Usage: testdata/real/remake2.sh [folder...]  (default: the folders listed in README.corpus2.md)
# Idempotent: outputs are overwritten. Skips cleanly when soffice is absent.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v soffice >/dev/null 2>&1; then
	echo "remake2.sh: soffice (LibreOffice) not found; re-makings left as they are" >&2
	exit 0
fi
profile=${LO_PROFILE:-/tmp/lo_corpus2}
lo() { soffice --headless "-env:UserInstallation=file://$profile" "$@" >/dev/null 2>&1; }
if [ $# -eq 0 ]; then
	# The index's table rows start with "| `folder` |".
	set -- $(sed -n 's/^| `\([a-z0-9-]*\)` |.*/\1/p' "$here/README.corpus2.md")
fi
n=0
for d in "$@"; do
	dir=$here/$(basename "$d")
	[ -f "$dir/remake.html" ] || { echo "remake2.sh: no $dir/remake.html" >&2; exit 1; }
	rm -f "$dir/remake.docx" "$dir/remake.xlsx" "$dir/remake.pdf"
	lo --convert-to 'docx:MS Word 2007 XML' --outdir "$dir" "$dir/remake.html"
	lo --infilter='HTML (StarCalc)' --convert-to xlsx --outdir "$dir" "$dir/remake.html"
	lo --convert-to pdf --outdir "$dir" "$dir/remake.docx"
	for f in remake.docx remake.xlsx remake.pdf; do
		[ -s "$dir/$f" ] || { echo "remake2.sh: $dir/$f not made" >&2; exit 1; }
	done
	n=$((n + 1))
	echo "remade $(basename "$dir")"
done
echo "remake2.sh: $n document(s) remade"
