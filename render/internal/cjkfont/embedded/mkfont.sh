#!/usr/bin/env bash
# Remakes gbsn00lp-jixiao.ttf.gz, the font jixiao embeds, from Debian's
# fonts-arphic-gbsn00lp (AR PL SungtiL GB, Arphic Public License). Needs
# python3-fonttools. Run at development time only; the output is committed.
#
# What changes, as the licence's section 2a requires us to state in the
# file itself (name ID 10): the TrueType hinting (fpgm, prep, cvt and the
# glyphs' instructions) and the tables a horizontal PDF never reads (mort,
# vhea, vmtx, gasp) are dropped; every glyph and its outline, every mapped
# character (GB2312 and the rest of the font's cmap) and the metrics are
# kept. The result is gzipped without a name or timestamp so that a rerun
# gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")"
src=${1:-/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf}
date=${MKFONT_DATE:-2026-12-03}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 -m fontTools.subset "$src" --unicodes='*' --no-hinting \
  --drop-tables+=mort,vhea,vmtx,gasp --name-IDs='*' --name-languages='*' \
  --output-file="$tmp/sub.ttf" 2>/dev/null
/usr/bin/python3 - "$tmp/sub.ttf" "$tmp/out.ttf" "$date" <<'PY'
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1], recalcTimestamp=False)
note = ("Modified by the jixiao project on %s: TrueType hinting (fpgm, prep, "
        "cvt, glyph instructions) and the mort, vhea, vmtx and gasp tables "
        "removed with fontTools subset; glyph outlines, character map and "
        "metrics unchanged. Distributed under the Arphic Public License "
        "(ARPHICPL.TXT, next to this file)." % sys.argv[3])
for rec in list(f['name'].names):
    if rec.platformID == 3:
        f['name'].setName(note, 10, rec.platformID, rec.platEncID, rec.langID)
f.save(sys.argv[2])
PY
gzip -9 -n -c "$tmp/out.ttf" > gbsn00lp-jixiao.ttf.gz
ls -l gbsn00lp-jixiao.ttf.gz
