#!/usr/bin/env bash
# OCR benchmark: pages per second and character accuracy on the real scans, for
#   - luutru's OcrEngine, 2 worker processes (one per core), each language model in turn;
#   - the command line one page after another: pdftocairo -r 300 -gray, then tesseract -l vie
#     (as installed: OpenMP threads on), and the same with OMP_THREAD_LIMIT=1;
#   - for reference, tesseract on each page's embedded image at the scan's own resolution.
# Accuracy is measured against the transcriptions in bench/ocr/data/ (ocr-accuracy).
#
#   bench/ocr/run-ocr-bench.sh BUILD_DIR [SHARED_DIR]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: run-ocr-bench.sh BUILD_DIR [SHARED_DIR]}" && pwd)
shared=${2:-${LUUTRU_SHARED_DIR:-$here/../../../shared}}
pdfs=$shared/real-pdfs
[ -d "$pdfs" ] || { echo "no real PDFs in $pdfs (give SHARED_DIR)" >&2; exit 2; }
[ -x "$build/bench/ocr/ocr-bench-worker" ] ||
  { echo "build the targets ocr-bench-worker and ocr-accuracy in $build first" >&2; exit 2; }
worker=$build/bench/ocr/ocr-bench-worker
accuracy=$build/bench/ocr/ocr-accuracy
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every page of every scan.
pages=()
for f in "$pdfs"/*_scan*.pdf; do
  n=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
  for ((p = 1; p <= n; p++)); do pages+=("$f:$p"); done
done
echo "pages: ${#pages[@]} scanned pages from $(ls "$pdfs"/*_scan*.pdf | wc -l) files; $(nproc) cores"

now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.2f pages/s (%.2f s/page, %.1f s total)", n / (b - a), (b - a) / n, b - a }'; }

# Mean accuracy over the transcribed pages, with each page's figure.
score() {
  local dir=$1 line total=0 count=0
  for ref in "$here"/data/*.txt; do
    local name
    name=$(basename "$ref")
    if [ -f "$dir/$name" ]; then
      line=$("$accuracy" "$ref" "$dir/$name")
      printf '    %-36s %s\n' "$name" "$line"
      total=$(awk -v t="$total" -v l="$line" 'BEGIN { sub(/.*accuracy=/, "", l); sub(/%/, "", l); print t + l }')
      count=$((count + 1))
    fi
  done
  awk -v t="$total" -v c="$count" 'BEGIN { if (c) printf "    mean accuracy %.2f%%\n", t / c }'
}

for lang in vie Vietnamese; do
  out=$work/luutru-$lang
  t0=$(now)
  pids=()
  for k in 0 1; do
    "$worker" --lang "$lang" --part "$k/2" --out "$out" "${pages[@]}" > "$work/worker-$lang-$k.log" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || { echo "an OCR worker failed" >&2; exit 1; }; done
  t1=$(now)
  echo "luutru OcrEngine --lang $lang, 2 processes: $(rate ${#pages[@]} "$t0" "$t1")"
  score "$out"
done

cli() {  # cli OUT_DIR: pdftocairo + tesseract, one page after another, in the current environment
  local out=$1 spec f p name
  mkdir -p "$out"
  for spec in "${pages[@]}"; do
    f=${spec%:*}; p=${spec##*:}
    name=$(basename "$f" .pdf).p$p
    pdftocairo -r 300 -gray -png -singlefile -f "$p" -l "$p" "$f" "$work/page"
    tesseract "$work/page.png" "$out/$name" -l vie 2> /dev/null
  done
}
t0=$(now); cli "$work/cli"; t1=$(now)
echo "pdftocairo -r 300 -gray + tesseract -l vie, one page after another: $(rate ${#pages[@]} "$t0" "$t1")"
score "$work/cli"
t0=$(now); OMP_THREAD_LIMIT=1 cli "$work/cli1"; t1=$(now)
echo "the same with OMP_THREAD_LIMIT=1: $(rate ${#pages[@]} "$t0" "$t1")"
score "$work/cli1"

# Accuracy only: the largest embedded image of each transcribed page, at its own resolution.
mkdir -p "$work/native"
for ref in "$here"/data/*.txt; do
  name=$(basename "$ref" .txt)          # <file>.p<page>
  f=$pdfs/${name%.p*}.pdf; p=${name##*.p}
  [ -f "$f" ] || continue
  rm -f "$work"/img-*
  pdfimages -f "$p" -l "$p" -png "$f" "$work/img"
  img=$(ls -S "$work"/img-* | head -1)
  ppi=$(pdfimages -f "$p" -l "$p" -list "$f" | awk 'NR > 2 && $3 == "image" { if ($4 * $5 > best) { best = $4 * $5; ppi = $13 } } END { print ppi }')
  OMP_THREAD_LIMIT=1 tesseract "$img" "$work/native/$name" -l vie --dpi "$ppi" 2> /dev/null
  echo "  native image of $name: ${ppi} ppi"
done
echo "tesseract -l vie on the embedded image at its own resolution (accuracy only):"
score "$work/native"

if command -v recollindex > /dev/null; then
  echo "recollindex is installed: not measured by this script"
fi
