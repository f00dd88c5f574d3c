#!/usr/bin/env bash
# Number and date benchmark on the real scans: indexes the 22 scans of SHARED_DIR/real-pdfs (the
# 5 scans of its README and the 17 of handwritten-numbers/) under neutral names (scan-01.pdf …,
# so no field can come from a file name), then prints, against the truth read by eye, the numbers
# right, the numbers wrong but shown as read, the dates right, the `--number` lookups that bring
# the document into the first 3, and the indexing time per OCR'd page (2 workers).
#
#   bench/ocr/run-fields-bench.sh BUILD_DIR [SHARED_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: run-fields-bench.sh BUILD_DIR [SHARED_DIR]}" && pwd)
shared=${2:-${LUUTRU_SHARED_DIR:-$here/../../../shared}}
pdfs=$shared/real-pdfs
[ -f "$pdfs/handwritten-numbers/truth.tsv" ] || { echo "no real scans with truth in $pdfs (give SHARED_DIR)" >&2; exit 2; }
for t in luutru-index luutru-index-worker; do
  [ -x "$build/indexer/$t" ] || { echo "build $t and ocr-fields-bench in $build first" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/docs"

# The truth: the README's table (number, then the date as YYYY-MM-DD or MM/YYYY) for its scans,
# and truth.tsv for the others.
k=0
add() {  # add FILE NUMBER DATE
  k=$((k + 1))
  local name
  name=$(printf 'scan-%02d.pdf' "$k")
  cp "$1" "$work/docs/$name"  # a copy: the indexer follows no link out of the folder it indexes
  printf '%s\t%s\t%s\n' "$name" "$2" "$3" >> "$work/truth.tsv"
}
while IFS='|' read -r _ file _ _ fields _; do
  file=$(echo "$file" | tr -d ' ')
  case "$file" in *_scan*.pdf) ;; *) continue ;; esac
  number=$(echo "$fields" | sed -E 's/^ *([^,]+),.*/\1/')
  date=$(echo "$fields" | sed -E 's/^[^,]+, *([0-9/-]+).*/\1/')
  case "$date" in */*) date="${date#*/}-${date%/*}" ;; esac  # 03/2018 -> 2018-03
  add "$pdfs/$file" "$number" "$date"
done < "$pdfs/README.md"
tail -n +2 "$pdfs/handwritten-numbers/truth.tsv" | while IFS=$'\t' read -r file number date _; do
  echo "$file	$number	$date"
done > "$work/hw.tsv"
while IFS=$'\t' read -r file number date; do add "$pdfs/handwritten-numbers/$file" "$number" "$date"; done < "$work/hw.tsv"

pages=0
for f in "$work"/docs/*.pdf; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
echo "scans: $k files, $pages pages; $(nproc) cores"
TIMEFORMAT='%R %U %S'
t=$( { time "$build/indexer/luutru-index" --db "$work/db" -j 2 --report "$work/report.jsonl" "$work/docs" \
  > "$work/index.log" 2>&1; } 2>&1 ) || { tail "$work/index.log" >&2; exit 1; }
read -r real user sys <<< "$t"
ocr=$(grep -o '"source":"ocr"' "$work/report.jsonl" | wc -l)
awk -v n="$ocr" -v r="$real" -v u="$user" -v s="$sys" 'BEGIN {
  printf "indexing: %.1f s wall, %d OCR pages: %.2f OCR pages/s, %.2f CPU s/page (2 workers)\n", r, n, n / r, (u + s) / n }'
echo
"$build/bench/ocr/ocr-fields-bench" "$work/db" "$work/truth.tsv"
