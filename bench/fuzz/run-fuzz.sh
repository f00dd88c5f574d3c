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
printf '%-16s %14s %10s %10s %12s %8s\n' target executions seconds cpu-seconds execs/cpu-s crashes
for name in $targets; do
  corpus=build-fuzz/fuzz-corpus/$name
  mkdir -p "$corpus"
  log=build-fuzz/fuzz-artifacts/$name.log
  start=$(date +%s)
  set +e
  TIMEFORMAT='%U %S'
  { time ASAN_OPTIONS=detect_leaks=0 build-fuzz/tests/fuzz/fuzz_$name -runs="$runs" -max_total_time="$seconds_limit" -timeout=60 -rss_limit_mb=2048 \
    $parallel -print_final_stats=1 \
    -artifact_prefix=build-fuzz/fuzz-artifacts/$name- "$corpus" tests/fuzz/seeds/$name >"$log" 2>&1 ; } 2>"$log.cpu"
  set -e
  seconds=$(( $(date +%s) - start ))
  executions=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{s += $2} END {print s + 0}')
  cpu=$(awk '{printf "%.0f", $1 + $2}' "$log.cpu")
  per_cpu=$(( cpu > 0 ? executions / cpu : 0 ))
  crashes=$(ls build-fuzz/fuzz-artifacts/ | grep -c "^$name-" || true)
  printf '%-16s %14s %10s %10s %12s %8s\n' "$name" "$executions" "$seconds" "$cpu" "$per_cpu" "$crashes"
done
