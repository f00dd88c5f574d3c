// Retrieval quality, measured: runs a set of queries with known relevant documents and reports
// recall@10 and mean reciprocal rank per query class.
//
// The query set is JSON lines, as the corpus generator writes them:
//   {"class": "unaccented", "query": "quy vi nguoi ngheo", "args": ["--to", "2023-03"],
//    "relevant": ["phong-12/.../45-TB-TU.pdf#1-4", ...]}
// "args" holds luutru-search options (an array of command-line words, or an object
// {"to": "2023-03"}); it may be absent. A relevant entry without '#' names a whole file.
// A line may also carry "total", the number of documents that answer it (0: none does), and
// "units", the storage-unit codes its pull list (--group-by unit) must name, no more, no fewer.
#ifndef LUUTRU_SEARCH_EVALUATION_H_
#define LUUTRU_SEARCH_EVALUATION_H_

#include <cstdint>
#include <istream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/searcher.h"

namespace luutru::search {

struct ClassQuality {
  int queries = 0;
  // Over the queries with relevant documents (`ranked` of them), the documents shown first:
  int ranked = 0;
  double recall_at_10 = 0;          // mean share of the relevant documents (of 10, when more) in the first 10
  double mrr = 0;                   // mean reciprocal rank of the first relevant document (0 if none in 100)
  std::vector<std::string> misses;  // queries whose first relevant document is not in the top 10
  // Over the queries that no document answers (`absent` of them): the share answered with total 0.
  int absent = 0;
  double answered_zero = 0;
  // Over the queries with a known "total" (`counted`): the share whose total is within
  // max(1, 5 %) of it.
  int counted = 0;
  double totals_within = 0;
  // Over the queries with known "units" that some document answers (`listed`): the share whose
  // pull list names exactly those units.
  int listed = 0;
  double exact_pull_lists = 0;
  std::vector<std::string> wrong_counts;  // "query: total T (truth N)" and pull lists that differ
};

// Whether a reported total is within max(1, 5 %) of the truth: the rule totals are judged by.
bool TotalWithin(uint64_t total, uint64_t truth);

// Turns the sums a scorer added into `c` (recall@10 and MRR over `ranked`, each share over its
// own count) into means.
void TakeMeans(ClassQuality& c);

// Applies luutru-search options ("--to", "2023-03" ...) to `request`. Throws std::invalid_argument
// on an option it does not know.
void ApplyOptions(const nlohmann::json& args, SearchRequest& request);

// Runs every query of `jsonl` (clearance tuyệt mật: quality, not access, is measured here) and
// returns the quality per class. Throws std::runtime_error on a malformed line.
std::map<std::string, ClassQuality> Evaluate(const Searcher& searcher, std::istream& jsonl);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_EVALUATION_H_
