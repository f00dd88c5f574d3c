#!/usr/bin/env bash
# A result page of the reading room with its thumbnails, cold and warm, over a generated archive
# of N documents with their PDFs (default 200; a tenth of them scanned, read by OCR when
# indexed): prints per query the documents, the thumbnails, the search's time and the whole
# page's time, first cold then warm (serve_result_page.cc).
#   bash bench/serve/run-result-page-bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200}
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target luutru-serve luutru-index luutru-corpus serve_result_page >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/corpus/luutru-corpus --out "$work/archive" --docs "$n" --seed 21 --scanned-fraction 0.1 >/dev/null
# The generated archive holds a few deliberately broken PDFs: the indexer exits 1 for them.
build/indexer/luutru-index --db "$work/db" --catalog "$work/archive/catalog.csv" "$work/archive" >/dev/null 2>&1 || [ $? -eq 1 ]
echo "archive: $n documents ($(nproc) cores)"
build/bench/serve/serve_result_page --serve build/search/serve/luutru-serve --db "$work/db" \
  --queries "thực hiện,tổ chức,cơ quan,đơn vị,kế hoạch,hành chính,nhân dân,năm 2021"
