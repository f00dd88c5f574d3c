#!/usr/bin/env bash
# Installs what is missing, builds luutru, runs every test, then rebuilds with AddressSanitizer
# and UndefinedBehaviorSanitizer and runs the unit tests again under them, then builds the fuzz
# targets with clang and libFuzzer and runs each for a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
jobs=$(nproc)
# The sources follow .clang-format (clang-format-14 -i FILE applies it).
bash scripts/check-format.sh

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs" --timeout 900)

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLUUTRU_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ctest --output-on-failure -j"$jobs" -L unit --timeout 900)

cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLUUTRU_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_targets
(cd build-fuzz && ctest --output-on-failure -L fuzz --timeout 300)
