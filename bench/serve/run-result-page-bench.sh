#!/usr/bin/env bash
# A result page of the reading room with its thumbnails, cold and warm, over a generated archive
# of N documents with their PDFs (default 200; a tenth of them scanned, read by OCR when
# indexed): prints per query the documents, the thumbnails, the search's time and the whole
# page's time, first cold then warm (serve_result_page.cc).
#   bash bench/serve/run-result-page-bench.sh [N]
set -euo pipefail
n=${1:-200}
source "$(dirname "$0")/setup.sh" serve_result_page
build/corpus/luutru-corpus --out "$work/archive" --docs "$n" --seed 21 --scanned-fraction 0.1 >/dev/null
# The generated archive holds a few deliberately broken PDFs: the indexer exits 1 for them.
build/indexer/luutru-index --db "$work/db" --catalog "$work/archive/catalog.csv" "$work/archive" >/dev/null 2>&1 || [ $? -eq 1 ]
echo "archive: $n documents ($(nproc) cores)"
build/bench/serve/serve_result_page --serve build/search/serve/luutru-serve --db "$work/db" \
  --queries "thực hiện,tổ chức,cơ quan,đơn vị,kế hoạch,hành chính,nhân dân,năm 2021"
