#!/usr/bin/env bash
# Installs what is missing, builds luutru and runs its main job on the sample text.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target luutru-tokenize >/dev/null
echo "== luutru-tokenize --normalize < samples/van-ban-mau.txt"
build/tokenizers/luutru-tokenize --normalize < samples/van-ban-mau.txt
echo "== luutru-tokenize < samples/van-ban-mau.txt (first 30 tokens)"
build/tokenizers/luutru-tokenize < samples/van-ban-mau.txt | head -n 30
