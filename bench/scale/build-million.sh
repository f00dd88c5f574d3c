#!/usr/bin/env bash
# Builds a large archive database the way an archive is indexed in parallel: K writers, one shard
# each, then xapian-compact merges the shards into one database.
#
#   bench/scale/build-million.sh BUILD_DIR OUT_DIR [--docs N] [--shards K] [--rebuild]
#
# N defaults to 1,000,000 and K to nproc. The corpus (luutru-corpus --text-only, seed 1) is
# written to OUT_DIR/corpus-N.jsonl and reused; the database is OUT_DIR/archive.db and is kept
# for the latency runs (run-scale-bench.sh): an existing one is not rebuilt without --rebuild.
# Prints the wall time of each phase, documents per second, the size on disk and the peak RSS of
# every process. OUT_DIR belongs outside the source tree: a million documents take ~15 GB.
set -euo pipefail

usage() { echo "usage: build-million.sh BUILD_DIR OUT_DIR [--docs N] [--shards K] [--rebuild]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
build=$(cd "$1" && pwd)
out=$2
shift 2
docs=1000000
shards=$(nproc)
rebuild=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --docs) docs=${2:?}; shift 2 ;;
    --shards) shards=${2:?}; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    *) usage ;;
  esac
done
[[ $docs -gt 0 && $shards -gt 0 ]] || usage

index="$build/indexer/luutru-index"
corpus="$build/corpus/luutru-corpus"
for b in "$index" "$corpus"; do
  [[ -x $b ]] || { echo "build-million.sh: no $b: build the luutru-index and luutru-corpus targets" >&2; exit 2; }
done
need=()
command -v xapian-compact >/dev/null || need+=(xapian-tools)
[[ -x /usr/bin/time ]] || need+=(time)
if [[ ${#need[@]} -gt 0 ]]; then
  apt-get -y install "${need[@]}" >/dev/null
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
db="$out/archive.db"
if [[ -d $db && $rebuild -eq 0 ]]; then
  echo "$db exists (--rebuild to build it again): $(du -sh "$db" | cut -f1)"
  exit 0
fi

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
# Runs a command under /usr/bin/time; its "seconds peak-KB" line goes to the file $1.
timed() {
  local log=$1
  shift
  /usr/bin/time -f "%e %M" -o "$log" "$@"
}
peak_mb() { awk '{ printf "%.0f", $2 / 1024 }' "$1"; }

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "free disk on $out: $(df -h "$out" | awk 'NR == 2 { print $4 }')"

# 1. Corpus.
jsonl="$out/corpus-$docs.jsonl"
if [[ -s $jsonl ]]; then
  echo "corpus   reused $jsonl ($(du -h "$jsonl" | cut -f1))"
else
  t0=$(now)
  timed "$out/time-corpus" "$corpus" --text-only --docs "$docs" --seed 1 --out "$jsonl.part" >/dev/null
  mv "$jsonl.part" "$jsonl"
  t1=$(now)
  echo "corpus   $(secs "$t0" "$t1") s, $(rate "$docs" "$(secs "$t0" "$t1")") docs/s," \
    "$(du -h "$jsonl" | cut -f1), peak RSS $(peak_mb "$out/time-corpus") MB"
fi

# 2. K slices of whole lines, K writers in parallel, one shard each.
rm -rf "$out/shards" "$db"
mkdir -p "$out/shards"
t0=$(now)
split -n "l/$shards" -d -a 3 "$jsonl" "$out/shards/slice-"
t1=$(now)
echo "split    $(secs "$t0" "$t1") s into $shards slices"

t0=$(now)
pids=()
for slice in "$out"/shards/slice-*; do
  k=${slice##*-}
  # One analysis thread per writer: the K writers already fill the cores.
  timed "$out/shards/time-$k" "$index" --db "$out/shards/shard-$k.db" --jsonl "$slice" -j 1 --lang en \
    >"$out/shards/log-$k" 2>&1 &
  pids+=($!)
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=1; done
t1=$(now)
index_s=$(secs "$t0" "$t1")
for slice in "$out"/shards/slice-*; do
  k=${slice##*-}
  n=$(wc -l <"$slice")
  s=$(awk '{ print $1 }' "$out/shards/time-$k")
  echo "shard $k  $n docs in $s s, $(rate "$n" "$s") docs/s, $(du -sh "$out/shards/shard-$k.db" | cut -f1)," \
    "peak RSS $(peak_mb "$out/shards/time-$k") MB"
done
if [[ $failed -ne 0 ]]; then
  echo "build-million.sh: a writer failed; see $out/shards/log-*" >&2
  tail -n 3 "$out"/shards/log-* >&2
  exit 1
fi
echo "index    $index_s s wall for $docs docs: $(rate "$docs" "$index_s") docs/s with $shards writers," \
  "shards $(du -sch "$out"/shards/shard-*.db | tail -1 | cut -f1)"
rm -f "$out"/shards/slice-*

# 3. Merge.
t0=$(now)
timed "$out/time-compact" xapian-compact "$out"/shards/shard-*.db "$db.part" >"$out/compact.log"
mv "$db.part" "$db"
t1=$(now)
compact_s=$(secs "$t0" "$t1")
echo "compact  $compact_s s, peak RSS $(peak_mb "$out/time-compact") MB, archive.db $(du -sh "$db" | cut -f1)"
echo "total    $(secs 0 "$(awk -v a="$index_s" -v b="$compact_s" 'BEGIN { print a + b }')") s index + compact:" \
  "$(rate "$docs" "$(awk -v a="$index_s" -v b="$compact_s" 'BEGIN { print a + b }')") docs/s"
echo "kept: $db (shards in $out/shards for searching with several --db)"
