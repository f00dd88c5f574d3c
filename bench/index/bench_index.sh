#!/usr/bin/env bash
# Indexing benchmark: prints luutru-index's figures beside pdftotext run over the same files one
# after another, the index size per page, the peak RSS, and the cost of re-indexing an unchanged
# archive (target: at most 2% of the first run).
#
#   bench/index/bench_index.sh BUILD_DIR [DOCS] [JOBS]
#
# The archive comes from luutru-corpus (BUILD_DIR/corpus/luutru-corpus) when it is built;
# otherwise the born-digital PDFs of ../shared/real-pdfs are copied into DOCS files.
set -euo pipefail

build=${1:?usage: bench_index.sh BUILD_DIR [DOCS] [JOBS]}
docs=${2:-200}
jobs=${3:-$(nproc)}
index="$build/indexer/luutru-index"
corpus="$build/corpus/luutru-corpus"
here=$(cd "$(dirname "$0")" && pwd)
shared=${LUUTRU_SHARED_DIR:-$here/../../../shared}
work=$(mktemp -d "${TMPDIR:-/tmp}/luutru-bench-index.XXXXXX")
trap 'rm -rf "$work"' EXIT

[[ -x $index ]] || { echo "no $index: build the luutru-index target first" >&2; exit 2; }

if [[ -x $corpus ]]; then
  "$corpus" --out "$work/archive" --docs "$docs" --seed 1 >/dev/null
  source_desc="luutru-corpus --docs $docs --seed 1"
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

t0=$(seconds)
for f in "${pdfs[@]}"; do pdftotext -q "$f" /dev/null || true; done
t1=$(seconds)
pdftotext_s=$(elapsed "$t0" "$t1")

cat_arg=()
[[ -f $work/archive/catalog.csv ]] && cat_arg=(--catalog "$work/archive/catalog.csv")

run_index() {  # prints "wall_seconds peak_rss_kib"
  /usr/bin/time -f '%e %M' -o "$work/time.txt" \
    "$index" --db "$work/db" --jobs "$jobs" --lang en "${cat_arg[@]}" "$@" "$work/archive" \
    2>"$work/stderr.txt" || true
  # Exit 1 (the archive's broken files) is expected; GNU time then adds a status line first.
  tail -n 1 "$work/time.txt"
}

read -r first_s first_rss < <(run_index)
read -r again_s again_rss < <(run_index)
db_bytes=$(du -sb --exclude=ocr-cache "$work/db" | cut -f1)
# Text layer only, as pdftotext does: no probe of short pages for a scan underneath.
read -r never_s never_rss < <(run_index --full --ocr never)

recoll_line="recollindex: not installed (skipped)"
if command -v recollindex >/dev/null; then
  mkdir -p "$work/recoll"
  printf 'topdirs = %s\n' "$work/archive" >"$work/recoll/recoll.conf"
  t0=$(seconds)
  recollindex -c "$work/recoll" >/dev/null 2>&1 || true
  t1=$(seconds)
  recoll_line="recollindex: $(elapsed "$t0" "$t1") s"
fi

echo "archive: $source_desc: ${#pdfs[@]} files, $pages pages; jobs $jobs"
echo "pdftotext, one file after another: $pdftotext_s s"
echo "luutru-index, first run: $first_s s ($(echo "scale=1; $pages / $first_s" | bc) pages/s), peak RSS $((first_rss / 1024)) MiB (largest process)"
echo "luutru-index --full --ocr never (text layer only, like pdftotext): $never_s s, peak RSS $((never_rss / 1024)) MiB"
echo "luutru-index, unchanged archive: $again_s s = $(echo "scale=2; 100 * $again_s / $first_s" | bc)% of the first run (target <= 2%), peak RSS $((again_rss / 1024)) MiB"
echo "index size: $((db_bytes / 1024)) KiB, $(echo "scale=1; $db_bytes / 1024 / $pages" | bc) KiB per page"
echo "$recoll_line"
echo "last run: $(tail -n 1 "$work/stderr.txt")"
