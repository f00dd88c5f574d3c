// Scoring of any search tool's answers against a generated archive's query set, so that luutru
// and its peers (Recoll, Xapian Omega) are judged by one rule.
//
// Queries are the corpus generator's queries.jsonl (see search/evaluation.h); each gets the id
// "q<line number>". A tool's answers are TSV lines "query id, rank, hit", where a hit is a file
// relative to the archive ("a/b.pdf") or a document ("a/b.pdf#2-3"). A file-level hit counts for
// every relevant document of that file; a document hit only for that document (or for a relevant
// entry that names its whole file). Recall@10 is the share of a query's relevant documents found
// in the first 10 hits; MRR uses the rank of the first relevant hit in the first 100 (0 if none).
//
// A query line may also carry "total" (the documents that hold its phrase; 0: none does) and
// "units" (the storage units a pull list must name, no more, no fewer), as search/evaluation.h
// reads them. A tool's counts are TSV lines "query id, what, value[, unit]": "total" and the
// number it reported; "unit" and a unit code of its own pull list (a tool that groups by unit);
// "file", a file relative to the archive, once for each document of its whole answer in it (a
// tool that lists files: once a file), and for a tool that names units, that document's unit.
// The truth knows the generated archive only: an answer in a file it does not know (a real PDF
// added to the archive) is neither right nor wrong, so it is taken off the total and its unit
// off the pull list (unless a known file is in that unit too). A tool without a pull list of
// its own lists the units of the known files it answers.
#ifndef LUUTRU_BENCH_PEERS_PEERS_SCORING_H_
#define LUUTRU_BENCH_PEERS_PEERS_SCORING_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/evaluation.h"

namespace luutru::bench {

struct PeerQuery {
  std::string id;                 // "q<line>"
  std::string klass;              // "accented", "đ", ...
  std::string query;              // the words, possibly empty (a --number query)
  std::vector<std::string> args;  // luutru-search options, as command-line words
  std::vector<std::string> relevant;
  std::optional<uint64_t> total;  // documents holding the phrase, when known
  std::set<std::string> units;    // the units of its pull list, when known and not empty
};

// Reads queries.jsonl. Throws std::runtime_error naming the file and line on a malformed line.
std::vector<PeerQuery> ReadQueries(const std::filesystem::path& jsonl);

// The words a user would type into a tool that has no options: the query, followed by the value
// of --number when there is one (date limits cannot be typed as words, so they are dropped). A
// query with a known total is a phrase and is typed in double quotes, the peers' phrase syntax.
std::string PeerText(const PeerQuery& q);

// Query id -> hits in rank order. Throws std::runtime_error naming the file on a bad line.
using Answers = std::map<std::string, std::vector<std::string>>;
Answers ReadAnswers(const std::filesystem::path& tsv);

// Query id -> what a tool counted: its total (nullopt when it reported none) and its pull list.
struct Count {
  std::optional<uint64_t> total;
  std::set<std::string> units;
};
using Counts = std::map<std::string, Count>;

// File relative to the archive -> its unit code, read from the generator's truth.jsonl (a line
// without a unit, a file broken on purpose, is skipped). Throws
// std::runtime_error naming the file and line on a malformed line.
std::map<std::string, std::string> ReadFileUnits(const std::filesystem::path& truth_jsonl);

// Reads a counts TSV (see above), the files' units from `file_units`. Throws std::runtime_error
// naming the file and line on a bad line.
Counts ReadCounts(const std::filesystem::path& tsv, const std::map<std::string, std::string>& file_units);

// Quality per query class, as search/evaluation.h counts it (`queries` counts every query of the
// class here; misses and wrong counts are not listed): recall@10 and MRR over the queries with
// relevant documents, the shares of zero totals, totals within and exact pull lists over the
// queries with a known total or units (a query the tool reported no total for is not within).
std::map<std::string, search::ClassQuality> Score(const std::vector<PeerQuery>& queries, const Answers& answers,
                                                  const Counts& counts = {});

struct LatencySummary {
  int queries = 0;
  double p50_ms = 0;
  double p99_ms = 0;
};

// Reads TSV lines "query id, seconds" and returns the nearest-rank percentiles.
LatencySummary ReadLatency(const std::filesystem::path& tsv);

}  // namespace luutru::bench

#endif  // LUUTRU_BENCH_PEERS_PEERS_SCORING_H_
