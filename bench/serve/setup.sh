# The setup every bench/serve script shares, sourced with the bench program it runs:
#   source "$(dirname "$0")/setup.sh" serve_attack
# From the project root, builds luutru-serve, luutru-index, luutru-corpus and that program in
# build/, and makes $work, a folder removed when the script exits.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target luutru-serve luutru-index luutru-corpus "$1" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
