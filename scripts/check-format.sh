#!/usr/bin/env bash
# Checks that luutru's own C++ sources follow .clang-format, with clang-format 14 (Debian 12's
# clang-format package): every place that would change is printed and the exit status is 1;
# 0 when nothing would. Nothing is rewritten.
#   bash scripts/check-format.sh           every .cc and .h git tracks
#   bash scripts/check-format.sh FILE...   only these
# To apply the format to files: clang-format-14 -i FILE...
set -euo pipefail
cd "$(dirname "$0")/.."
format=$(command -v clang-format-14 || command -v clang-format) || {
  echo "check-format: clang-format is not installed (bash scripts/setup-deps.sh installs it)" >&2
  exit 2
}
if [ $# -gt 0 ]; then
  files=("$@")
elif git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cc' '*.h')
else
  mapfile -t files < <(find . -path ./build\* -prune -o \( -name '*.cc' -o -name '*.h' \) -print)
fi
"$format" --dry-run -Werror --style=file "${files[@]}"
