#!/usr/bin/env bash
# luutru-serve under the attacks of hostile clients, over a generated archive of N documents
# (default 5000, text only, a quarter classified mật): prints the latency of an ordinary search
# during each attack, the server's peak memory, login timing and log rotation (serve_attack.cc).
#   bash bench/serve/run-attack-bench.sh [N]
set -euo pipefail
n=${1:-5000}
source "$(dirname "$0")/setup.sh" serve_attack
build/corpus/luutru-corpus --out "$work/generated.jsonl" --docs "$n" --seed 20 --text-only >/dev/null
# A quarter of the documents classified mật, as the non-interference test does.
python3 - "$work/generated.jsonl" "$work/archive.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as out:
    for i, line in enumerate(src):
        d = json.loads(line)
        if i % 4 == 1:
            d["secrecy"] = "mật"
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
build/indexer/luutru-index --db "$work/db" --jsonl "$work/archive.jsonl" >/dev/null
# The id of the first mật document: its file and page range (JSONL pages count from 1).
secret_id=$(python3 -c "import json,sys; d=json.loads(open(sys.argv[1]).readlines()[1]); print('%s#1-%d' % (d['file'], len(d['pages'])))" "$work/archive.jsonl")
echo "archive: $n documents, secret document $secret_id"
build/bench/serve/serve_attack --serve build/search/serve/luutru-serve --db "$work/db" --secret-id "$secret_id"
