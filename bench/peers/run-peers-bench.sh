#!/usr/bin/env bash
# luutru against its free, packaged peers on one generated archive, in one run:
#   - luutru-index (OCR auto, and --ocr never for the text layer alone) + luutru-search;
#   - Recoll 1.34 (recollindex + recollq) in a private configuration, with its defaults, and with
#     its Tesseract OCR of image-only PDFs enabled;
#   - Xapian Omega (omindex + quest).
# Each tool indexes the same files (the real PDFs of ../shared/real-pdfs are added when present)
# and answers the same queries, typed as a user would type them; peers_score turns the answers
# into one Markdown table: index time, pages/s, index size, peak RSS, recall@10 and MRR per query
# class, query latency; a second table the share of absent phrases answered with 0, of totals
# within max(1, 5 %) of the documents holding the phrase and of exact pull lists, per class. The
# tables, with the date, machine and each configuration, are written to bench/peers/RESULTS.md and
# printed.
#
#   bench/peers/run-peers-bench.sh BUILD_DIR [--docs N] [--scanned-fraction F] [--out FILE.md]
#
# BUILD_DIR must hold luutru-corpus, luutru-index, luutru-search and peers_score.
# LUUTRU_SHARED_DIR overrides ../shared; LUUTRU_PEERS_KEEP=1 keeps the work folder.
set -euo pipefail

usage="usage: run-peers-bench.sh BUILD_DIR [--docs N] [--scanned-fraction F] [--out FILE.md]"
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "${1:?$usage}" && pwd)
shift
docs=300
scanned=0.2
results=$here/RESULTS.md
while [ $# -gt 0 ]; do
  case $1 in
    --docs) docs=${2:?$usage}; shift 2 ;;
    --scanned-fraction) scanned=${2:?$usage}; shift 2 ;;
    --out) results=${2:?$usage}; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
shared=${LUUTRU_SHARED_DIR:-$repo/../shared}
for tool in corpus/luutru-corpus indexer/luutru-index search/luutru-search bench/peers/peers_score; do
  [ -x "$build/$tool" ] || { echo "missing $build/$tool: build it first" >&2; exit 2; }
done
score=$build/bench/peers/peers_score

# 1. The peers, from Debian.
packages=(recoll recollcmd xapian-omega xapian-tools poppler-utils tesseract-ocr-vie time bc jq)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d "${TMPDIR:-/tmp}/luutru-peers.XXXXXX")
if [ "${LUUTRU_PEERS_KEEP:-0}" = 1 ]; then echo "work folder: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
log() { echo "[$(date +%T)] $*" >&2; }

# 2. The archive. The generator's catalog, truth and queries are moved out of it, so that the
# peers, which index every file under their top folder, cannot find the answers in them.
archive=$work/archive
log "generating $docs documents (scanned fraction $scanned)"
"$build/corpus/luutru-corpus" --out "$archive" --docs "$docs" --seed 1 --scanned-fraction "$scanned" >/dev/null
mkdir -p "$work/meta"
mv "$archive/truth.jsonl" "$archive/queries.jsonl" "$work/meta/"
# The catalog names files relative to its own folder: move it one level up.
head -n 1 "$archive/catalog.csv" | grep -q '^file,' ||
  { echo "$archive/catalog.csv: expected 'file' as the first column" >&2; exit 1; }
sed '2,$ s|^|archive/|' "$archive/catalog.csv" > "$work/catalog.csv"
rm "$archive/catalog.csv"
cp "$work/meta/queries.jsonl" "$work/queries.jsonl"
real_note="absent (no ../shared/real-pdfs)"
probes=0
if [ -d "$shared/real-pdfs" ]; then
  mkdir -p "$archive/real"
  cp "$shared/real-pdfs/"*.pdf "$archive/real/"
  # Probes for the scans with a transcription: words only their scanned image holds.
  for t in "$repo"/bench/ocr/data/*.p1.txt; do
    name=$(basename "$t" .p1.txt)
    [ -f "$archive/real/$name.pdf" ] || continue
    pdftotext -q "$archive/real/$name.pdf" "$work/layer.txt" || : > "$work/layer.txt"
    "$score" probe "$t" "$work/layer.txt" "$work/meta/truth.jsonl" "real/$name.pdf" >> "$work/queries.jsonl"
  done
  probes=$(grep -c '"real scans"' "$work/queries.jsonl" || true)
  real_note="$(ls "$archive/real" | wc -l) files copied in, $probes probe queries"
fi
pages=0
files=0
while IFS= read -r -d '' f; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}') || n=
  files=$((files + 1))
  pages=$((pages + ${n:-0}))
done < <(find "$archive" -name '*.pdf' -print0)
log "$files PDF files, $pages readable pages"
find "$archive" -type f -exec cat {} + > /dev/null  # the same warm page cache for every indexer

# 3. Indexing: wall time and peak RSS (/usr/bin/time), size on disk.
manifest=$work/manifest.tsv
: > "$manifest"
index() {  # NAME SIZE_PATH COMMAND...: runs COMMAND, records "seconds KiB-RSS KiB-on-disk"
  local name=$1 size_path=$2
  shift 2
  log "indexing: $name"
  /usr/bin/time -f '%e %M' -o "$work/$name.time" "$@" > "$work/$name.index.log" 2>&1 ||
    log "$name: exit status $? (the archive holds broken files on purpose; see $name.index.log)"
  echo "$(tail -n 1 "$work/$name.time") $(du -sk "$size_path" | cut -f1)" > "$work/$name.measures"
}

luutru_db=$work/luutru.db
index luutru-text "$work/luutru-text.db" "$build/indexer/luutru-index" --db "$work/luutru-text.db" \
  --catalog "$work/catalog.csv" --ocr never "$archive"
index luutru "$luutru_db" "$build/indexer/luutru-index" --db "$luutru_db" --catalog "$work/catalog.csv" \
  --report "$work/luutru.report.jsonl" "$archive"

recoll_conf() {  # DIR EXTRA-LINES...
  mkdir -p "$1"
  local dir=$1
  shift
  { echo "topdirs = $archive"; printf '%s\n' "$@"; } > "$dir/recoll.conf"
}
recoll_conf "$work/recoll"
recoll_conf "$work/recoll-ocr" "pdfocr = 1" "ocrprogs = tesseract" "tesseractlang = vie"
index recoll "$work/recoll" recollindex -c "$work/recoll" -z
index recoll-ocr "$work/recoll-ocr" recollindex -c "$work/recoll-ocr" -z
index omega "$work/omega.db" omindex --db "$work/omega.db" --url / --stemmer=none "$archive"

# 4. Queries. Each ask_* function runs one query (ID LUUTRU-QUERY PEER-TEXT OPTIONS...) into
# $work/out and its parse_* function turns that output into hits relative to the archive, in rank
# order. For a query with a known total or pull list, its count_* function (same arguments, run
# after parse_*, untimed) writes the tool's own total and its whole pull list: luutru's total and
# its units grouped by unit, Recoll's and Omega's count and the files of their whole answer. First every tool answers every query once, untimed: those answers are scored, and the
# pass warms each tool alike. Then the latency, in $rounds rounds: each round times every tool on
# every query, the tools interleaved query by query (their order turning from query to query),
# so that the machine speeding up or slowing down during the run weighs on every tool alike. A
# query's latency is its median over the rounds.
rounds=3
ask_luutru() {  # DB ID QUERY TEXT OPTIONS...
  local db=$1 query=$3
  shift 4
  local words=()
  [ -n "$query" ] && words=("$query")
  "$build/search/luutru-search" --db "$db" --format json --limit 100 --clearance tuyet-mat "$@" "${words[@]}" \
    > "$work/out" 2>/dev/null || true
}
parse_luutru() {
  jq -r --arg root "$archive/" \
    '.results[]? | (.path | ltrimstr($root)) + "#" + (.id | split("#") | .[1])' "$work/out"
}
count_luutru() {  # DB ID QUERY TEXT OPTIONS...: the total of the answer just asked, its pull list
  local db=$1 id=$2 query=$3
  shift 4
  local words=()
  [ -n "$query" ] && words=("$query")
  jq -r --arg id "$id" '.total // empty | "\($id)\ttotal\t\(.)"' "$work/out"
  "$build/search/luutru-search" --db "$db" --format json --group-by unit --limit 100000 --clearance tuyet-mat \
    "$@" "${words[@]}" 2>/dev/null |
    jq -r --arg id "$id" '.results[]? | select(.match == "phrase") | "\($id)\tunit\t\(.unit.code)"' || true
  "$build/search/luutru-search" --db "$db" --format json --limit 100000 --clearance tuyet-mat \
    "$@" "${words[@]}" 2>/dev/null |
    jq -r --arg id "$id" '.results[]? | select(.match == "phrase") | "\($id)\tfile\t\(.file)\t\(.unit.code)"' || true
}
ask_recoll() {  # CONF ID QUERY TEXT ...
  recollq -c "$1" -b -n 100 "$4" > "$work/out" 2>/dev/null || true
}
parse_recoll() { sed -n "s|^file://$archive/||p" "$work/out"; }
count_recoll() {  # CONF ID QUERY TEXT ...: recollq's exact count (-E) and every file it answers
  recollq -c "$1" -E -n 0 "$4" 2>/dev/null | awk -F'\t' -v id="$2" -v root="[file://$archive/" '
    /^[0-9]+ results$/ { print id "\ttotal\t" $1 + 0 }
    index($2, root) == 1 { print id "\tfile\t" substr($2, length(root) + 1, length($2) - length(root) - 1) }' || true
}
ask_quest() {  # DB ID QUERY TEXT ...
  quest -d "$1" -s none -m 100 "$4" > "$work/out" 2>/dev/null || true
}
parse_quest() { sed -n 's|^url=/||p' "$work/out"; }
count_quest() {  # DB ID QUERY TEXT ...: quest's matches, every match checked (-c), and their files
  quest -d "$1" -s none -m 100000 -c 100000 "$4" 2>/dev/null | awk -v id="$2" '
    /^(Exactly|About) [0-9]+ matches$/ { print id "\ttotal\t" $2 }
    /^Between [0-9]+ and [0-9]+ matches$/ { print id "\ttotal\t" $2 }
    /^url=\// { print id "\tfile\t" substr($0, 6) }' || true
}

answer_queries() {  # NAME ASK PARSE COUNT TARGET
  local name=$1 ask=$2 parse=$3 count=$4 target=$5 fields
  log "querying: $name"
  : > "$work/$name.answers"
  : > "$work/$name.counts"
  while IFS=$'\x1f' read -r -a fields; do
    "$ask" "$target" "${fields[0]}" "${fields[2]}" "${fields[3]}" "${fields[@]:5}"
    "$parse" | awk -v id="${fields[0]}" '{ print id "\t" NR "\t" $0 }' >> "$work/$name.answers"
    if [ "${fields[4]:-}" = count ]; then
      "$count" "$target" "${fields[0]}" "${fields[2]}" "${fields[3]}" "${fields[@]:5}" >> "$work/$name.counts"
    fi
  done < "$work/queries.tsv"
}
"$score" queries "$work/queries.jsonl" > "$work/queries.tsv"
tools=(luutru luutru-text recoll recoll-ocr omega)
asks=(ask_luutru ask_luutru ask_recoll ask_recoll ask_quest)
parses=(parse_luutru parse_luutru parse_recoll parse_recoll parse_quest)
counts=(count_luutru count_luutru count_recoll count_recoll count_quest)
targets=("$luutru_db" "$work/luutru-text.db" "$work/recoll" "$work/recoll-ocr" "$work/omega.db")
for k in "${!tools[@]}"; do
  answer_queries "${tools[$k]}" "${asks[$k]}" "${parses[$k]}" "${counts[$k]}" "${targets[$k]}"
done

log "timing: $rounds rounds of every query, tools interleaved"
: > "$work/times.tsv"
for round in $(seq "$rounds"); do
  n=0
  while IFS=$'\x1f' read -r -a fields; do
    for k in "${!tools[@]}"; do
      t=$(( (k + n + round) % ${#tools[@]} ))
      t0=${EPOCHREALTIME/./}
      "${asks[$t]}" "${targets[$t]}" "${fields[0]}" "${fields[2]}" "${fields[3]}" "${fields[@]:5}"
      t1=${EPOCHREALTIME/./}
      echo "${tools[$t]}	${fields[0]}	$((t1 - t0))" >> "$work/times.tsv"
    done
    n=$((n + 1))
  done < "$work/queries.tsv"
done
# TOOL.latency: "ID<TAB>seconds", the median of the query's rounds (times sorted within a query).
for name in "${tools[@]}"; do : > "$work/$name.latency"; done
sort -t$'\t' -k1,1 -k2,2 -k3,3n "$work/times.tsv" | awk -F'\t' -v dir="$work" '
  function flush() { if (n) printf "%s\t%.6f\n", id, t[int((n + 1) / 2)] / 1e6 >> (dir "/" tool ".latency") }
  $1 != tool || $2 != id { flush(); tool = $1; id = $2; n = 0 }
  { t[++n] = $3 }
  END { flush() }'

# 5. The table.
row() {  # NAME LABEL CANNOT
  local seconds rss size
  read -r seconds rss size < "$work/$1.measures"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$2" "$work/$1.answers" "$work/$1.latency" \
    "$seconds" "$pages" "$size" "$rss" "$3" "$work/$1.counts" >> "$manifest"
}
no_ocr="scanned-only=no OCR;real scans=no OCR"
row luutru "luutru (OCR auto)" -
row luutru-text "luutru --ocr never" "$no_ocr"
row recoll "Recoll, defaults" "$no_ocr"
row recoll-ocr "Recoll + Tesseract OCR" -
row omega "Omega (omindex + quest)" "scanned-only=no OCR in omindex;real scans=no OCR in omindex"
table=$("$score" table "$work/queries.jsonl" "$work/meta/truth.jsonl" "$manifest")

measure() { cut -d' ' -f"$2" "$work/$1.measures"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "—" }'; }
ocr_luutru=$(bc <<< "$(measure luutru 1) - $(measure luutru-text 1)")
ocr_recoll=$(bc <<< "$(measure recoll-ocr 1) - $(measure recoll 1)")
ocr_pages_luutru=$(jq -s '[.[] | .pages[]? | select(.source == "ocr")] | length' "$work/luutru.report.jsonl")
ocr_files_recoll=0
ocr_pages_recoll=0
while IFS= read -r -d '' f; do  # the files Recoll's rclpdf.py sends to OCR: no text at all
  pdfinfo "$f" > "$work/info" 2>/dev/null || continue
  [ -z "$(pdftotext -q "$f" - | tr -d '[:space:]')" ] || continue
  ocr_files_recoll=$((ocr_files_recoll + 1))
  ocr_pages_recoll=$((ocr_pages_recoll + $(awk '/^Pages:/ {print $2}' "$work/info")))
done < <(find "$archive" -name '*.pdf' -print0)
ocr_cache_recoll=$(find "$work/recoll-ocr/ocrcache/objects" -type f 2>/dev/null | wc -l)
ocr_rate_luutru=$(ratio "$ocr_pages_luutru" "$ocr_luutru")
ocr_rate_recoll=$(ratio "$ocr_pages_recoll" "$ocr_recoll")
cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
{
  echo "# luutru and its peers: one archive, one run"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($cpu), $(uname -sr);"
  echo "load average (1, 5, 15 min) at the start: $load_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "(a load above $(nproc) means other work shared the machine: times are then longer than when idle)."
  echo "Rerun: \`bench/peers/run-peers-bench.sh BUILD_DIR --docs $docs --scanned-fraction $scanned\`."
  echo
  echo "Archive: luutru-corpus --docs $docs --seed 1 --scanned-fraction $scanned; real PDFs: $real_note;"
  echo "$files PDF files, $pages pages (pdfinfo; broken files on purpose count 0). Queries: the generator's"
  echo "queries.jsonl plus, for the real scans with a transcription in bench/ocr/data, three words"
  echo "that only the scanned image holds (class \"real scans\")."
  echo
  echo "$table"
  echo
  echo "Ratios: text-layer indexing, Recoll defaults / luutru --ocr never: $(ratio "$(measure recoll 1)" "$(measure luutru-text 1)")×;"
  echo "OCR: luutru read $ocr_pages_luutru pages with Tesseract in ${ocr_luutru} s more than its text-only run"
  echo "($ocr_rate_luutru pages/s); Recoll + OCR read the $ocr_pages_recoll pages of the $ocr_files_recoll files"
  echo "where pdftotext finds no text ($ocr_cache_recoll entries in its OCR cache) in ${ocr_recoll} s more than"
  echo "its default run ($ocr_rate_recoll pages/s): luutru OCRs $(ratio "$ocr_rate_luutru" "$ocr_rate_recoll")× as many pages a second."
  echo
  echo "Notes:"
  echo "- R@10 / MRR: recall@10 and mean reciprocal rank (first relevant hit in the first 100)."
  echo "  luutru answers documents (file + page range); Recoll and Omega answer files, and a file-level"
  echo "  hit counts for every document of that file (bundled units hold several documents per file)."
  echo "  \"real scans\": R@10 × $probes is the number of those scans found; the stamp-only ones (qn_…_scan)"
  echo "  have a text layer holding only the signature stamp, so Recoll's OCR never reads them."
  echo "- Every tool gets the same query string. \"document number\" queries are luutru's --number"
  echo "  option and the number typed as the query for the peers; \"date-filtered\" queries add"
  echo "  --from/--to for luutru, while the peers get only the words (file dates are not document dates)."
  echo "  The phrase classes (\"phrase count\", \"absent phrase\", \"absent phrase, unaccented\") are typed"
  echo "  as they are to luutru (words typed together are one request for them in that order) and in"
  echo "  double quotes to Recoll and Omega, their phrase syntax (Xapian PHRASE in both: recollq's and"
  echo "  quest's parsed queries); \"two things\" is typed without quotes to every tool."
  echo "- Totals and pull lists (second table; \"-\": no query of the class asks it): zero = share of the"
  echo "  phrases no document holds answered with total 0; totals = share within max(1, 5 %) of the"
  echo "  documents holding the phrase; pull lists = share naming exactly the units of those documents."
  echo "  Each tool counts its own way: luutru's JSON \`total\` and its \`--group-by unit\` answer (units"
  echo "  matched as a phrase); Recoll's exact result count (\`recollq -E -n 0\`) and the units of every"
  echo "  file it returns; quest's match count with every match checked (\`-m 100000 -c 100000\`) and"
  echo "  the units of every file it returns (a file's unit from the generator's truth). Recoll and"
  echo "  Omega count files: a file of a bundled unit holding several documents counts once, so their"
  echo "  totals fall short there even when every holder is found. The truth knows the generated"
  echo "  documents only: an answer in a real PDF (real/) is neither right nor wrong, so each tool's"
  echo "  total is taken down by the answers it lists there, and their unit is not on its pull list."
  echo "- Latency: one process a query (luutru-search --format json, recollq -b, quest), wall time;"
  echo "  after one untimed pass of each tool over all queries, $rounds rounds in which the tools take turns"
  echo "  query by query (the first to go turning with each query); a query's latency is its median."
  echo "- Index size: the database folder (luutru: with its OCR cache; Recoll: its configuration"
  echo "  folder, with the OCR cache). Index wall time includes starting the tool."
  echo "- \"cannot\" cells: the tool configuration has no OCR for image-only pages."
  echo
  echo "Configurations:"
  echo "- luutru: \`luutru-index --db DB --catalog catalog.csv ARCHIVE\` (OCR auto: pages without a text"
  echo "  layer or with only a stamp; vie), and \`--ocr never\`; \`luutru-search --db DB --format json"
  echo "  --limit 100 --clearance tuyet-mat [OPTIONS] QUERY\`."
  echo "- Recoll $(dpkg-query -W -f='${Version}' recollcmd), defaults: recoll.conf holds only \`topdirs = ARCHIVE\`;"
  echo "  \`recollindex -c CONF -z\`, \`recollq -c CONF -b -n 100 QUERY\`."
  echo "- Recoll + OCR: the same plus \`pdfocr = 1\`, \`ocrprogs = tesseract\`, \`tesseractlang = vie\`"
  echo "  (Recoll OCRs a PDF only when pdftotext finds no text in the whole file: rclpdf.py)."
  echo "- Omega $(dpkg-query -W -f='${Version}' xapian-omega): \`omindex --db DB --url / --stemmer=none ARCHIVE\`"
  echo "  (there is no Vietnamese stemmer), \`quest -d DB -s none -m 100 QUERY\` (quest's default"
  echo "  operator, OR, ranked by BM25)."
} > "$results"
cat "$results"
