#!/usr/bin/env bash
# Query latency on a built database (build-million.sh), warm, side by side: luutru's search
# library and the same words through the Xapian API (bench_search_latency, in one process), then
# quest (xapian-tools) and the luutru-search program, one process per query, start-up included.
#
#   bench/scale/run-scale-bench.sh BUILD_DIR DB [--queries N] [--rounds R]
#
# N queries per class (default 50) are drawn from DB itself; R timed rounds (default 3) follow a
# warm-up round. quest runs each query once after the library rounds have warmed the cache.
set -euo pipefail

usage() { echo "usage: run-scale-bench.sh BUILD_DIR DB [--queries N] [--rounds R]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
build=$1
db=$2
shift 2
queries=50
rounds=3
while [[ $# -gt 0 ]]; do
  case $1 in
    --queries) queries=${2:?}; shift 2 ;;
    --rounds) rounds=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done
bench="$build/bench/scale/bench_search_latency"
cli="$build/search/luutru-search"
for b in "$bench" "$cli"; do
  [[ -x $b ]] || { echo "run-scale-bench.sh: no $b: build bench_search_latency and luutru-search" >&2; exit 2; }
done
[[ -d $db ]] || { echo "run-scale-bench.sh: $db: no such database" >&2; exit 2; }
command -v quest >/dev/null || apt-get -y install xapian-tools >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/luutru-scale-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "database: $db, $(du -sh "$db" | cut -f1)"
cat "$db"/* >/dev/null  # warm: the latency targets are for a database in the page cache

"$bench" --db "$db" --queries "$queries" --rounds "$rounds" --dump-queries "$work/queries.tsv" | tee "$work/library.txt"

now_ns() { date +%s%N; }
# Appends "class<TAB>milliseconds" for one timed process run.
time_run() {
  local cls=$1
  shift
  local t0 t1
  t0=$(now_ns)
  "$@" >/dev/null 2>&1 || true  # a query may find nothing; only its time matters here
  t1=$(now_ns)
  printf '%s\t%s\n' "$cls" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e6 }')"
}

while IFS=$'\t' read -r cls opts query; do
  read -r -a quest_opts <<<"$opts"
  time_run "$cls" quest -d "$db" -s none -m 10 "${quest_opts[@]}" "$query" >>"$work/quest.tsv"
  if [[ $cls == "2-word" ]]; then
    time_run "$cls" "$cli" --db "$db" --format json -- "$query" >>"$work/cli.tsv"
  fi
done <"$work/queries.tsv"

# p50 and p99 per class of a "class<TAB>ms" file, as "class<TAB>p50<TAB>p99".
percentiles() {
  sort -t$'\t' -k1,1 -k2,2n "$1" | awk -F'\t' '
    function flush() {
      if (n) printf "%s\t%.2f\t%.2f\n", cls, v[int(0.5 * (n - 1) + 0.5)], v[int(0.99 * (n - 1) + 0.5)]
    }
    $1 != cls { flush(); cls = $1; n = 0 }
    { v[n++] = $2 }
    END { flush() }'
}
percentiles "$work/quest.tsv" >"$work/quest.p"
percentiles "$work/cli.tsv" >"$work/cli.p"

echo
echo "per process, start-up included (one run per query):"
printf '%-22s %12s %12s %14s %14s\n' class "quest p50" "quest p99" "luutru-search" "luutru-search"
printf '%-22s %12s %12s %14s %14s\n' "" "ms" "ms" "p50 ms" "p99 ms"
while IFS=$'\t' read -r cls p50 p99; do
  c50=-
  c99=-
  if line=$(grep -P "^\Q$cls\E\t" "$work/cli.p"); then
    c50=$(cut -f2 <<<"$line")
    c99=$(cut -f3 <<<"$line")
  fi
  printf '%-22s %12s %12s %14s %14s\n' "$cls" "$p50" "$p99" "$c50" "$c99"
done <"$work/quest.p"
