#!/usr/bin/env bash
# Indexing benchmark, in one run on the same text-layer PDFs:
#   - pdftotext over the files one after another (the floor any PDF indexer builds on);
#   - luutru-index as a user runs it (page choice on, so every short page is checked for a scan
#     underneath), and with --ocr never;
#   - recollindex with its OCR off, in a private configuration;
# then the index size per page, the peak RSS, and re-indexing the unchanged archive.
# Targets: luutru-index <= 0.6x the pdftotext loop, >= 4x faster than Recoll, re-index <= 2%.
#
#   bench/index/bench_index.sh BUILD_DIR [DOCS] [JOBS]
#
# The archive comes from luutru-corpus --scanned-fraction 0 (BUILD_DIR/corpus/luutru-corpus)
# when it is built; otherwise the born-digital PDFs of ../shared/real-pdfs are copied into DOCS
# files. Each tool reads the files once, untimed, before it is timed, so all run warm.
set -euo pipefail

build=${1:?usage: bench_index.sh BUILD_DIR [DOCS] [JOBS]}
docs=${2:-1000}
jobs=${3:-$(nproc)}
index="$build/indexer/luutru-index"
corpus="$build/corpus/luutru-corpus"
here=$(cd "$(dirname "$0")" && pwd)
shared=${LUUTRU_SHARED_DIR:-$here/../../../shared}
work=$(mktemp -d "${TMPDIR:-/tmp}/luutru-bench-index.XXXXXX")
trap 'rm -rf "$work"' EXIT

[[ -x $index ]] || { echo "no $index: build the luutru-index target first" >&2; exit 2; }
missing=()
for tool in pdftotext:poppler-utils recollindex:recoll bc:bc /usr/bin/time:time; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if ((${#missing[@]})); then
  echo "installing ${missing[*]}" >&2
  ${SUDO:-$( ((EUID)) && echo sudo)} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi

if [[ -x $corpus ]]; then
  "$corpus" --out "$work/archive" --docs "$docs" --seed 1 --scanned-fraction 0 >/dev/null
  source_desc="luutru-corpus --docs $docs --seed 1 --scanned-fraction 0 (text layer only)"
else
  mkdir -p "$work/archive"
  born=("$shared"/real-pdfs/*_text.pdf)
  [[ -e ${born[0]} ]] || { echo "neither luutru-corpus nor $shared/real-pdfs" >&2; exit 2; }
  for ((i = 0; i < docs; i++)); do
    unit="$work/archive/dvbq-$(printf %04d $((i / 20)))"
    mkdir -p "$unit"
    src=${born[$((i % ${#born[@]}))]}
    cp "$src" "$unit/$(printf %05d $i)-$(basename "$src")"
  done
  source_desc="$docs copies of the born-digital real PDFs"
fi

mapfile -t pdfs < <(find "$work/archive" -name '*.pdf' | sort)
pages=0
for f in "${pdfs[@]}"; do
  n=$({ pdfinfo "$f" 2>/dev/null || true; } | awk '/^Pages:/ {print $2}')
  pages=$((pages + ${n:-0}))
done

seconds() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
ratio() { echo "scale=2; $1 / $2" | bc; }

pdftotext_loop() { for f in "${pdfs[@]}"; do pdftotext -q "$f" /dev/null || true; done; }
pdftotext_loop  # warm
t0=$(seconds)
pdftotext_loop
t1=$(seconds)
pdftotext_s=$(elapsed "$t0" "$t1")

cat_arg=()
[[ -f $work/archive/catalog.csv ]] && cat_arg=(--catalog "$work/archive/catalog.csv")

run_index() {  # DB [OPTIONS...]; prints "wall_seconds peak_rss_kib"
  local db=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time.txt" \
    "$index" --db "$db" --lang en --jobs "$jobs" "${cat_arg[@]}" "$@" "$work/archive" \
    2>"$work/stderr.txt" || true
  # Exit 1 (the archive's broken files) is expected; GNU time then adds a status line first.
  tail -n 1 "$work/time.txt"
}

run_index "$work/warm.db" >/dev/null  # warm
read -r first_s first_rss < <(run_index "$work/db")
summary=$(tail -n 1 "$work/stderr.txt")
read -r again_s again_rss < <(run_index "$work/db")
db_bytes=$(du -sb --exclude=ocr-cache "$work/db" | cut -f1)
# Text layer only: not even the check of short pages for a scan underneath.
read -r never_s never_rss < <(run_index "$work/never.db" --ocr never)

recoll_line="recollindex (OCR off): not available"
if command -v recollindex >/dev/null; then
  # A careful user's configuration: only this archive, PDF OCR explicitly off, no stemming
  # languages (Recoll has no Vietnamese stemmer), beagle and web queues off.
  mkdir -p "$work/recoll"
  cat >"$work/recoll/recoll.conf" <<EOF
topdirs = $work/archive
pdfocr = 0
indexstemminglanguages =
processwebqueue = 0
EOF
  recollindex -c "$work/recoll" -z >/dev/null 2>&1 || true  # warm (and check it runs)
  rm -rf "$work/recoll/xapiandb"
  t0=$(seconds)
  /usr/bin/time -f '%e %M' -o "$work/recoll-time.txt" recollindex -c "$work/recoll" -z >/dev/null 2>&1 || true
  t1=$(seconds)
  recoll_s=$(elapsed "$t0" "$t1")
  recoll_rss=$(tail -n 1 "$work/recoll-time.txt" | cut -d' ' -f2)
  recoll_line="recollindex (OCR off): $recoll_s s, peak RSS $((recoll_rss / 1024)) MiB; luutru-index is $(ratio "$recoll_s" "$first_s")x faster (target >= 4x)"
fi

echo "archive: $source_desc: ${#pdfs[@]} files, $pages pages; jobs $jobs; $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "pdftotext, one file after another: $pdftotext_s s ($(ratio "$pages" "$pdftotext_s") pages/s)"
echo "luutru-index: $first_s s ($(ratio "$pages" "$first_s") pages/s) = $(ratio "$first_s" "$pdftotext_s")x the pdftotext loop (target <= 0.6x), peak RSS $((first_rss / 1024)) MiB (largest process)"
echo "luutru-index --ocr never: $never_s s = $(ratio "$never_s" "$pdftotext_s")x the pdftotext loop, peak RSS $((never_rss / 1024)) MiB"
echo "luutru-index, unchanged archive: $again_s s = $(echo "scale=2; 100 * $again_s / $first_s" | bc)% of the first run (target <= 2%), peak RSS $((again_rss / 1024)) MiB"
echo "index size: $((db_bytes / 1024)) KiB, $(echo "scale=1; $db_bytes / 1024 / $pages" | bc) KiB per page"
echo "$recoll_line"
echo "luutru-index's own summary: $summary"
