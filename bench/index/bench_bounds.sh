#!/usr/bin/env bash
# Work bounds of luutru-index on hostile files, measured:
#   - peak memory of the main process (not its workers) indexing one PDF of PAGES pages whose
#     every page draws MB_PER_PAGE MB of text (one shared, compressed content stream) in a 10 pt
#     font, inside the page: a text layer of that size, every character of which Poppler reads;
#   - the time a 100,000-page PDF of empty pages costs before it is refused (--max-pages);
#   - the time 4,000 empty pages take when they are allowed (blank without OCR);
#   - the time and peak memory of a catalog of CATALOG_MB MB.
#
#   bench/index/bench_bounds.sh BUILD_DIR [PAGES] [MB_PER_PAGE]
#
# Defaults: 10 pages of 50 MB. POINT_SIZE= sets the text's size (Poppler drops the characters
# beyond the 50,000th of a page when they are under 3 pt: 2 gives the old, lighter case).
# The main process's peak is read from /proc/PID/status (VmHWM) while it runs; /usr/bin/time's
# maximum is the largest of it and its workers; CPU is user + system time, workers included (the
# wall time of a shared machine says little).
set -euo pipefail

build=${1:?usage: bench_bounds.sh BUILD_DIR [PAGES] [MB_PER_PAGE]}
pages=${2:-10}
mb=${3:-50}
point_size=${POINT_SIZE:-10}
index="$build/indexer/luutru-index"
work=$(mktemp -d "${TMPDIR:-/tmp}/luutru-bench-bounds.XXXXXX")
trap 'rm -rf "$work"' EXIT
[[ -x $index ]] || { echo "no $index: build the luutru-index target first" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed to write the PDFs" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time (package time) is needed" >&2; exit 2; }

# make_pdf OUT PAGES MB: every page draws the one content stream (MB of text; 0: no content).
make_pdf() {
  python3 - "$@" "$point_size" <<'PY'
import sys, zlib
out, pages, mb, pt = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
block = []
for line in range(int(800 / (pt + 1))):
    # \351 is a one-byte character in the PDF and two bytes of UTF-8 once extracted.
    # As many words as fit across the page (Poppler drops characters drawn outside it).
    words = "so%d " % line + " ".join("h\\351s\\351%dx%d\\351\\351\\351" % (line, i) for i in range(int(60 / pt)))
    block.append("BT /F1 %g Tf 10 %d Td (%s) Tj ET\n" % (pt, 830 - (pt + 1) * line, words))
block = "".join(block)
data = b""
if mb > 0:
    # Each layer of lines carries its own number: Poppler merges text drawn twice at one place.
    comp = zlib.compressobj(9)
    layers = max(1, int(mb * 1e6 / len(block)))
    data = b"".join(comp.compress(block.replace("x", "x%d." % n).encode()) for n in range(layers)) + comp.flush()
objs = [b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[" + b" ".join(b"%d 0 R" % (5 + i) for i in range(pages)) + b"]/Count %d>>" % pages,
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        b"<</Length %d/Filter/FlateDecode>>\nstream\n" % len(data) + data + b"\nendstream"]
contents = b"/Contents 4 0 R" if mb > 0 else b""
objs += [b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 3 0 R>>>>" + contents + b">>"] * pages
pdf = bytearray(b"%PDF-1.4\n")
offsets = []
for n, o in enumerate(objs, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % n + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
pdf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
pdf += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(out, "wb").write(pdf)
PY
}

# run NAME ARGS...: runs luutru-index, samples the main process's VmHWM, prints the figures.
run() {
  local name=$1
  shift
  local hwm=0 start end
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/$name.time" env LANG=en_US.UTF-8 "$index" "$@" 2>"$work/$name.err" &
  local timer=$!
  local pid=""
  while kill -0 "$timer" 2>/dev/null; do
    [[ -z $pid ]] && pid=$(pgrep -P "$timer" -x luutru-index || true)
    if [[ -n $pid ]]; then
      local v
      v=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [[ -n $v && $v -gt $hwm ]] && hwm=$v
    fi
    sleep 0.1
  done
  wait "$timer" || true
  end=$(date +%s.%N)
  local all cpu
  all=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/$name.time")
  printf '%-34s %7.1f s (CPU %6.1f s)  main process peak %6.1f MB  (with workers %6.1f MB)  exit %s\n' \
    "$name" "$(echo "$end - $start" | bc)" "$cpu" "$(echo "$hwm / 1024" | bc -l)" "$(echo "$all / 1024" | bc -l)" \
    "$(awk -F': ' '/Exit status/ {print $2}' "$work/$name.time")"
  tail -n 2 "$work/$name.err" | sed 's/^/    /'
}

# PARTS= picks the runs (default all): dense bomb blank catalog.
parts=" ${PARTS:-dense bomb blank catalog} "
echo "luutru-index work bounds ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
if [[ $parts == *" dense "* ]]; then
  mkdir -p "$work/dense"
  make_pdf "$work/dense/dense.pdf" "$pages" "$mb"
  echo "dense.pdf: $pages pages, each drawing $mb MB of text"
  run "dense ($pages pages)" --db "$work/db-dense" --ocr never --jobs 1 "$work/dense"
fi
if [[ $parts == *" bomb "* ]]; then
  mkdir -p "$work/bomb"
  make_pdf "$work/bomb/bomb.pdf" 100000 0
  run "bomb (100000 pages, refused)" --db "$work/db-bomb" --jobs 1 "$work/bomb"
fi
if [[ $parts == *" blank "* ]]; then
  mkdir -p "$work/blank"
  make_pdf "$work/blank/blank.pdf" 4000 0
  run "blank (4000 pages, no OCR)" --db "$work/db-blank" --jobs 1 --ocr auto "$work/blank"
fi
[[ $parts == *" catalog "* ]] || exit 0

# A catalog of CATALOG_MB MB (default 128): rows for files that are not there, read as a stream.
catalog_mb=${CATALOG_MB:-128}
python3 - "$work/catalog/catalog.csv" "$catalog_mb" <<'PY'
import sys, os
out, mb = sys.argv[1], float(sys.argv[2])
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w", encoding="utf-8") as f:
    f.write("file,unit_code,box,doc_number,doc_date,doc_type,title\n")
    i = 0
    while f.tell() < mb * 1e6:
        f.write("phong-%d/dvbq-%d/vb-%d.pdf,Phông %d / ĐVBQ %04d,%d,%d/QĐ-UBND,2023-03-12,Quyết định,"
                "Về việc hỗ trợ xây dựng nhà đại đoàn kết cho hộ nghèo đợt %d\n"
                % (i % 40, i % 4000, i, i % 40, i % 4000, i % 300, i, i))
        i += 1
PY
mkdir -p "$work/catalog/empty"
run "catalog (${catalog_mb} MB)" --db "$work/db-catalog" --catalog "$work/catalog/catalog.csv" "$work/catalog/empty"
