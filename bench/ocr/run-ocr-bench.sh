#!/usr/bin/env bash
# OCR benchmark: pages per second and character accuracy on the real scans, for
#   - luutru's OcrEngine, 2 worker processes (one per core): with `vie` and with the script model
#     reading each scan's own image (the default), and with `vie` reading 300 dpi renderings and
#     reading low-resolution images scaled up to 300 dpi (the alternatives measured);
#   - the command line one page after another: pdftocairo -r 300 -gray, then tesseract -l vie
#     (as installed: OpenMP threads on), and the same with OMP_THREAD_LIMIT=1;
#   - recollindex with its OCR on (pdfocr, tesseract, vie) over a folder of the same scans.
# Accuracy is measured against the transcriptions in bench/ocr/data/ (ocr-accuracy). Ends with
# one table of every pipeline.
#
#   bench/ocr/run-ocr-bench.sh BUILD_DIR [SHARED_DIR]
set -euo pipefail

sudo_apt() {  # installs Debian packages, as root or through sudo
  if [ "$(id -u)" = 0 ]; then apt-get -y install "$@"; else sudo apt-get -y install "$@"; fi
}
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: run-ocr-bench.sh BUILD_DIR [SHARED_DIR]}" && pwd)
shared=${2:-${LUUTRU_SHARED_DIR:-$here/../../../shared}}
pdfs=$shared/real-pdfs
[ -d "$pdfs" ] || { echo "no real PDFs in $pdfs (give SHARED_DIR)" >&2; exit 2; }
[ -x "$build/bench/ocr/ocr-bench-worker" ] ||
  { echo "build the targets ocr-bench-worker and ocr-accuracy in $build first" >&2; exit 2; }
command -v tesseract > /dev/null || sudo_apt tesseract-ocr tesseract-ocr-vie
command -v pdftocairo > /dev/null || sudo_apt poppler-utils
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

# Mean accuracy over the transcribed pages in DIR, with each page's figure; sets `accuracy_of`.
score() {
  local dir=$1 line total=0 count=0 ref name
  for ref in "$here"/data/*.txt; do
    name=$(basename "$ref")
    if [ -f "$dir/$name" ]; then
      line=$("$accuracy" "$ref" "$dir/$name")
      printf '    %-42s %s\n' "$name" "$line"
      total=$(awk -v t="$total" -v l="$line" 'BEGIN { sub(/.*accuracy=/, "", l); sub(/%/, "", l); print t + l }')
      count=$((count + 1))
    fi
  done
  accuracy_of=$(awk -v t="$total" -v c="$count" 'BEGIN { if (c) printf "%.2f %%", t / c; else print "n/a" }')
  echo "    mean accuracy $accuracy_of"
}

# measure NAME PAGES OUT_DIR COMMAND...: runs COMMAND (which writes <file>.p<page>.txt into
# OUT_DIR), prints wall-clock pages/s and CPU seconds per page (its processes' user + system
# time: on a shared machine the steadier figure), scores OUT_DIR and adds a row to the table.
rows=()
measure() {
  local name=$1 n=$2 out=$3 t
  shift 3
  mkdir -p "$out"
  TIMEFORMAT='%R %U %S'
  t=$( { time "$@" > "$out.log" 2>&1; } 2>&1 ) || { echo "$name failed:" >&2; tail "$out.log" >&2; exit 1; }
  read -r real user sys <<< "$t"
  local line
  line=$(awk -v n="$n" -v r="$real" -v c="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
    'BEGIN { printf "%.2f pages/s (%.1f s wall for %d pages), %.2f CPU s/page", n / r, r, n, c / n }')
  echo "$name: $line"
  score "$out"
  rows+=("$(awk -v name="$name" -v n="$n" -v r="$real" -v u="$user" -v s="$sys" -v acc="$accuracy_of" \
    'BEGIN { printf "| %s | %.2f | %.2f | %s |", name, n / r, (u + s) / n, acc }')")
}

# luutru's OcrEngine: 2 worker processes (one per core) over every page.
luutru() {
  local out=$1 k pids=()
  shift
  for k in 0 1; do
    "$worker" "$@" --part "$k/2" --out "$out" "${pages[@]}" > "$out-$k.log" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || return 1; done
  awk '{ print $4 }' "$out"-*.log | sort | uniq -c | awk '{ printf "%d pages from the %s image\n", $1, $2 }'
}
luutru_row() {  # NAME DIR ARGS...
  local name=$1 dir=$2
  shift 2
  measure "$name" ${#pages[@]} "$dir" luutru "$dir" "$@"
  sed 's/^/    /' "$dir.log"
}
luutru_row "luutru, vie, the scan's own image (default)" "$work/own-vie" --lang vie
# Debian installs the script model as tessdata/Vietnamese.traineddata.
luutru_row "luutru, script/Vietnamese, the scan's own image" "$work/own-viet" --lang Vietnamese
luutru_row "luutru, vie, every page rendered at 300 dpi" "$work/render-vie" --lang vie --image render
luutru_row "luutru, vie, own image, under 250 dpi scaled up to 300" "$work/up-vie" --lang vie --upscale-below 250

# The command line, one page after another: pdftocairo -r 300 -gray, then tesseract -l vie.
cli() {
  local out=$1 spec f p name
  for spec in "${pages[@]}"; do
    f=${spec%:*}; p=${spec##*:}
    name=$(basename "$f" .pdf).p$p
    pdftocairo -r 300 -gray -png -singlefile -f "$p" -l "$p" "$f" "$work/page"
    tesseract "$work/page.png" "$out/$name" -l vie 2> /dev/null
  done
}
measure "pdftocairo -r 300 -gray + tesseract -l vie CLI, OpenMP on" ${#pages[@]} "$work/cli" cli "$work/cli"
cli_one_thread() { OMP_THREAD_LIMIT=1 cli "$@"; }
measure "the same CLI with OMP_THREAD_LIMIT=1" ${#pages[@]} "$work/cli1" cli_one_thread "$work/cli1"

# Recoll 1.34 with its OCR on, over a folder holding the same scans. rclpdf.py calls OCR
# (rclocr.py: pdftocairo -r 300 -tiff, then tesseract per page) only for a PDF whose pdftotext
# output is empty; the pages of the other files are indexed from their text layer (a signature
# stamp). Its row counts and scores the pages it OCRs; the others are scored after it.
command -v recollindex > /dev/null || sudo_apt recoll
conf=$work/recoll-conf docs=$work/recoll-docs
mkdir -p "$conf" "$docs"
cp "$pdfs"/*_scan*.pdf "$docs"/
cat > "$conf/recoll.conf" <<CONF
topdirs = $docs
pdfocr = 1
ocrprogs = tesseract
tesseractlang = vie
CONF
# Recoll's text per page: for the files it OCRed, from its OCR cache (tesseract ends each page
# with a form feed), into recoll/; for the others, their text layer, into recoll-text/.
recoll_text() {
  local f n stem p
  mkdir -p "$work/recoll-text"
  for f in "$docs"/*.pdf; do
    n=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
    stem=$(basename "$f" .pdf)
    if [ -z "$(pdftotext -q "$f" - | tr -d '[:space:]')" ]; then
      RECOLL_CONFDIR=$conf python3 /usr/share/recoll/filters/rclocr.py "$f" > "$work/recoll-$stem.txt"
      for ((p = 1; p <= n; p++)); do
        awk -v RS='\f' -v p="$p" 'NR == p' "$work/recoll-$stem.txt" > "$work/recoll/$stem.p$p.txt"
      done
    else
      for ((p = 1; p <= n; p++)); do
        pdftotext -q -f "$p" -l "$p" "$f" "$work/recoll-text/$stem.p$p.txt"
      done
    fi
  done
}
ocr_pages=0
for f in "$docs"/*.pdf; do
  if [ -z "$(pdftotext -q "$f" - | tr -d '[:space:]')" ]; then
    ocr_pages=$((ocr_pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
  fi
done
echo "recollindex OCRs a PDF only when it has no text at all: $ocr_pages of the ${#pages[@]} pages"
recoll() { RECOLL_CONFDIR=$conf recollindex -c "$conf" -z && recoll_text; }
measure "recollindex, pdfocr on (tesseract, vie), the $ocr_pages pages it OCRs" "$ocr_pages" "$work/recoll" recoll
echo "  the transcribed pages it does not OCR hold only their text layer (the signature stamp):"
score "$work/recoll-text"

echo
echo "| pipeline (${#pages[@]} scanned pages, $(nproc) cores) | pages/s | CPU s/page | accuracy |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
