#!/usr/bin/env bash
# Prints the search figures: quality per query class on a generated archive
# (recall@10, MRR) and per-query latency p50/p99 of the library, the luutru-search program and
# Xapian's quest on the same database, at a larger text-only scale.
#
#   bench/search/run-search-bench.sh [BUILD_DIR] [DOCS] [SCALE_DOCS]
set -euo pipefail
build=${1:-build}
docs=${2:-200}
scale=${3:-100000}
work=$(mktemp -d "${TMPDIR:-/tmp}/luutru-search-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$build/corpus/luutru-corpus" --out "$work/archive" --docs "$docs" --seed 1 >/dev/null
"$build/indexer/luutru-index" --db "$work/db" --catalog "$work/archive/catalog.csv" "$work/archive" \
  >/dev/null 2>&1 || true  # the archive holds broken files on purpose
echo "== quality: $docs generated documents"
"$build/bench/search/search_quality" --db "$work/db" --queries "$work/archive/queries.jsonl"

"$build/corpus/luutru-corpus" --out "$work/scale" --docs "$scale" --seed 2 --text-only >/dev/null
jsonl=$(find "$work/scale" -name '*.jsonl' ! -name 'queries.jsonl' ! -name 'truth.jsonl' | head -n 1)
"$build/indexer/luutru-index" --db "$work/scale-db" --jsonl "$jsonl" >/dev/null 2>&1
echo "== latency: $scale text-only documents"
queries=()
[[ -f "$work/scale/queries.jsonl" ]] && queries=(--queries "$work/scale/queries.jsonl")
"$build/bench/search/search_latency" --db "$work/scale-db" "${queries[@]}"
