// Scoring of any search tool's answers against a generated archive's query set, so that luutru
// and its peers (Recoll, Xapian Omega) are judged by one rule.
//
// Queries are the corpus generator's queries.jsonl (see search/evaluation.h); each gets the id
// "q<line number>". A tool's answers are TSV lines "query id, rank, hit", where a hit is a file
// relative to the archive ("a/b.pdf") or a document ("a/b.pdf#2-3"). A file-level hit counts for
// every relevant document of that file; a document hit only for that document (or for a relevant
// entry that names its whole file). Recall@10 is the share of a query's relevant documents found
// in the first 10 hits; MRR uses the rank of the first relevant hit in the first 100 (0 if none).
#ifndef LUUTRU_BENCH_PEERS_PEERS_SCORING_H_
#define LUUTRU_BENCH_PEERS_PEERS_SCORING_H_

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace luutru::bench {

struct PeerQuery {
  std::string id;                 // "q<line>"
  std::string klass;              // "accented", "đ", ...
  std::string query;              // the words, possibly empty (a --number query)
  std::vector<std::string> args;  // luutru-search options, as command-line words
  std::vector<std::string> relevant;
};

// Reads queries.jsonl. Throws std::runtime_error naming the file and line on a malformed line.
std::vector<PeerQuery> ReadQueries(const std::filesystem::path& jsonl);

// The words a user would type into a tool that has no options: the query, followed by the value
// of --number when there is one (date limits cannot be typed as words, so they are dropped).
std::string PeerText(const PeerQuery& q);

// Query id -> hits in rank order. Throws std::runtime_error naming the file on a bad line.
using Answers = std::map<std::string, std::vector<std::string>>;
Answers ReadAnswers(const std::filesystem::path& tsv);

struct ClassScore {
  int queries = 0;
  double recall_at_10 = 0;
  double mrr = 0;
};

// Quality per query class; queries without relevant documents are not counted.
std::map<std::string, ClassScore> Score(const std::vector<PeerQuery>& queries, const Answers& answers);

struct LatencySummary {
  int queries = 0;
  double p50_ms = 0;
  double p99_ms = 0;
};

// Reads TSV lines "query id, seconds" and returns the nearest-rank percentiles.
LatencySummary ReadLatency(const std::filesystem::path& tsv);

}  // namespace luutru::bench

#endif  // LUUTRU_BENCH_PEERS_PEERS_SCORING_H_
