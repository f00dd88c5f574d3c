#!/usr/bin/env bash
# Runs every fuzz target of tests/fuzz long, built with clang and libFuzzer under AddressSanitizer
# and UndefinedBehaviorSanitizer, and prints per target the executions, the wall-clock and CPU
# seconds, the executions per CPU second (what the target costs, whatever else the machine runs)
# and the crashes.
#   bash bench/fuzz/run-fuzz.sh [RUNS] [JOBS] [SECONDS] [TARGETS]
# RUNS executions per target (default 10000000), JOBS parallel fuzzing processes per target
# (default 1), SECONDS a time limit per target (default none): whichever comes first; TARGETS the
# targets to run, space-separated (default all six).
# A unit may take 60 s of wall-clock time (a process at low priority on a busy machine can wait
# that long without being hung). Crash inputs are kept in build-fuzz/fuzz-artifacts/. The corpora grow in build-fuzz/fuzz-corpus/.
# The longest input, the dictionary and the sanitizer options of each target are explained in
# bench/fuzz/README.md ("Settings").
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10000000}
jobs=${2:-1}
seconds_limit=${3:-0}
targets=${4:-query_parser notation_date catalog_csv jsonl users http}
# With -jobs, libFuzzer forks workers that log to fuzz-N.log (their executions are not counted
# below); one job runs in this process and is counted.
parallel=""
[ "$jobs" -gt 1 ] && parallel="-jobs=$jobs -workers=$jobs"
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLUUTRU_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_targets >/dev/null
mkdir -p build-fuzz/fuzz-artifacts
# Allocation stacks of 5 frames and a 32 MB quarantine: what AddressSanitizer detects is unchanged
# (a use after free within one input is still caught), its bookkeeping costs less.
asan_options=${ASAN_OPTIONS:-detect_leaks=0:malloc_context_size=5:quarantine_size_mb=32}
max_len() {
  case $1 in
    notation_date) echo 256 ;;  # a number, date, secrecy word or unit code; longer cells come through catalog_csv and jsonl
    query_parser) echo 1024 ;;  # twice the longest query the reading room accepts (512 bytes)
    users) echo 2048 ;;         # a header line and a users file of a few dozen lines
    http) echo 4096 ;;          # a request line, headers and a body up to the limits the server refuses beyond
    jsonl) echo 8192 ;;         # one document line with a few pages of text
    *) echo 4096 ;;             # catalog_csv: a catalog of a few dozen rows
  esac
}
printf '%-16s %14s %10s %10s %12s %8s\n' target executions seconds cpu-seconds execs/cpu-s crashes
for name in $targets; do
  corpus=build-fuzz/fuzz-corpus/$name
  mkdir -p "$corpus"
  log=build-fuzz/fuzz-artifacts/$name.log
  start=$(date +%s)
  set +e
  TIMEFORMAT='%U %S'
  dict=tests/fuzz/dictionaries/$name.dict
  [ -f "$dict" ] && dict_flag="-dict=$dict" || dict_flag=""
  { time ASAN_OPTIONS=$asan_options build-fuzz/tests/fuzz/fuzz_$name -runs="$runs" -max_total_time="$seconds_limit" -timeout=60 -rss_limit_mb=2048 \
    -max_len="$(max_len "$name")" $dict_flag $parallel -print_final_stats=1 \
    -artifact_prefix=build-fuzz/fuzz-artifacts/$name- "$corpus" tests/fuzz/seeds/$name >"$log" 2>&1 ; } 2>"$log.cpu"
  set -e
  seconds=$(( $(date +%s) - start ))
  executions=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{s += $2} END {print s + 0}')
  cpu=$(awk '{printf "%.0f", $1 + $2}' "$log.cpu")
  per_cpu=$(( cpu > 0 ? executions / cpu : 0 ))
  crashes=$(ls build-fuzz/fuzz-artifacts/ | grep -c "^$name-" || true)
  printf '%-16s %14s %10s %10s %12s %8s\n' "$name" "$executions" "$seconds" "$cpu" "$per_cpu" "$crashes"
done
