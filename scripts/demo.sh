#!/usr/bin/env bash
# Installs what is missing, builds luutru, generates the sample archive, indexes it and answers
# two retrieval requests. The sample holds four deliberately broken PDFs: the indexer names each
# with its reason and exits 1, as it does on a real archive.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target luutru-corpus luutru-index luutru-search luutru-tokenize >/dev/null

rm -rf sample-archive
build/corpus/luutru-corpus --out sample-archive --docs 40 --seed 1
echo "== luutru-index --db sample-db --catalog sample-archive/catalog.csv sample-archive"
build/indexer/luutru-index --db sample-db --catalog sample-archive/catalog.csv sample-archive || [ $? -eq 1 ]
echo "== luutru-search --db sample-db 'quy vi nguoi ngheo'"
build/search/luutru-search --db sample-db --limit 3 'quy vi nguoi ngheo'
echo "== luutru-search --db sample-db --group-by unit 'chuyển đổi số'"
build/search/luutru-search --db sample-db --group-by unit --limit 3 'chuyển đổi số'
