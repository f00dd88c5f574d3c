// Query latency on a built database, warm, in one process: luutru's search library against the
// same words sent straight to the Xapian API (no luutru analysis, no clearance, no snippets).
//
// The queries are drawn from the database itself (its vocabulary, stored page text, notations
// and unit codes), so the benchmark runs on any archive. Prints p50/p99 per query class. With
// --dump-queries it also writes each query as quest (xapian-tools) takes it, one
// "class<TAB>quest options<TAB>query" line each, so run-scale-bench.sh can time quest on the same
// words.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <xapian.h>
#include <boost/program_options.hpp>

#include "catalog/schema.h"
#include "search/searcher.h"
#include "tokenizers/normalize.h"
#include "tokenizers/tokenizer.h"

namespace {

namespace po = boost::program_options;
using luutru::search::SearchRequest;
using Clock = std::chrono::steady_clock;

struct Case {
  std::string cls;
  SearchRequest request;
  Xapian::Query raw;          // the plain-Xapian equivalent; empty when there is none
  std::string quest_options;  // how quest parses the same words; empty when it cannot
  std::string quest_query;
};

std::vector<std::string> Sample(std::vector<std::string> from, size_t n, std::mt19937& rng) {
  std::shuffle(from.begin(), from.end(), rng);
  if (from.size() > n) from.resize(n);
  return from;
}

// Words of the stored text of random documents: realistic runs of consecutive syllables.
std::vector<std::vector<std::string>> TextRuns(const Xapian::Database& db, size_t n, std::mt19937& rng) {
  std::vector<std::vector<std::string>> runs;
  std::uniform_int_distribution<Xapian::docid> pick(1, db.get_lastdocid());
  for (size_t tries = 0; runs.size() < n && tries < n * 20; ++tries) {
    Xapian::Document doc;
    try {
      doc = db.get_document(pick(rng));
    } catch (const Xapian::DocNotFoundError&) {
      continue;
    }
    auto stored = luutru::catalog::schema::ReadStoredDocument(doc);
    if (stored.doc.pages.empty()) continue;
    std::vector<std::string> words;
    for (const auto& t : luutru::tokenizers::Tokenize(stored.doc.pages.back().text)) {
      if (t.kind == luutru::tokenizers::TokenKind::kWord) words.push_back(t.exact);
    }
    if (words.size() < 8) continue;
    std::uniform_int_distribution<size_t> at(0, words.size() - 5);
    const size_t start = at(rng);
    runs.emplace_back(words.begin() + start, words.begin() + start + 4);
  }
  return runs;
}

std::vector<std::string> TermsWithPrefix(const Xapian::Database& db, const std::string& prefix, size_t max) {
  std::vector<std::string> out;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix) && out.size() < max; ++it) {
    out.push_back((*it).substr(prefix.size()));
  }
  return out;
}

std::string Join(const std::vector<std::string>& words, size_t n, bool fold) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += fold ? luutru::tokenizers::FoldedForm(words[i]) : words[i];
  }
  return s;
}

Xapian::Query RawAnd(const std::vector<std::string>& words, size_t n, bool fold, bool phrase) {
  std::vector<std::string> terms;
  for (size_t i = 0; i < n; ++i) {
    terms.push_back(fold ? "XF" + luutru::tokenizers::FoldedForm(words[i]) : words[i]);
  }
  return Xapian::Query(phrase ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_AND, terms.begin(), terms.end());
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description opts("bench_search_latency --db DIR [--db DIR ...] [--queries N]");
  std::vector<std::string> dbs;
  int per_class = 50;
  int rounds = 3;
  std::string dump_queries;
  opts.add_options()("help,h", "this help")("db", po::value(&dbs)->required(), "database (repeat for shards)")(
      "queries", po::value(&per_class), "queries per class (default 50)")(
      "rounds", po::value(&rounds), "timed rounds after one warm-up round (default 3)")(
      "dump-queries", po::value(&dump_queries), "write the queries for quest to this file");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, opts), vm);
    if (vm.count("help")) {
      std::cout << opts;
      return 0;
    }
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "bench_search_latency: " << e.what() << "\n" << opts;
    return 2;
  }

  auto searcher = luutru::search::Searcher::Open(dbs);
  const Xapian::Database& db = searcher.database();
  std::mt19937 rng(20261128);
  const auto runs = TextRuns(db, per_class, rng);
  std::vector<Case> cases;
  for (const auto& run : runs) {
    for (size_t n : {1, 2, 4}) {
      Case c{std::to_string(n) + "-word", {}, RawAnd(run, n, false, false), "-o and", Join(run, n, false)};
      c.request.query = Join(run, n, false);
      cases.push_back(c);
    }
    Case unaccented{"unaccented 2-word",
                    {},
                    RawAnd(run, 2, true, false),
                    "-o and -p :" + std::string(luutru::catalog::schema::kFolded),
                    Join(run, 2, true)};
    unaccented.request.query = Join(run, 2, true);
    cases.push_back(unaccented);
    Case phrase{"phrase 3-word", {}, RawAnd(run, 3, false, true), "-o and", "\"" + Join(run, 3, false) + "\""};
    phrase.request.query = phrase.quest_query;
    cases.push_back(phrase);
    Case grouped{"group-by unit 2-word", {}, Xapian::Query(), "", ""};
    grouped.request.query = Join(run, 2, true);
    grouped.request.group_by_unit = true;
    cases.push_back(grouped);
  }
  for (const auto& key :
       Sample(TermsWithPrefix(db, std::string(luutru::catalog::schema::kNumber), 100000), per_class, rng)) {
    Case c{"number lookup",
           {},
           Xapian::Query(std::string(luutru::catalog::schema::kNumber) + key),
           "-b so:" + std::string(luutru::catalog::schema::kNumber),
           "so:" + key};
    c.request.number = key;
    cases.push_back(c);
  }
  for (const auto& key :
       Sample(TermsWithPrefix(db, std::string(luutru::catalog::schema::kUnit), 100000), per_class, rng)) {
    Case c{"unit listing",
           {},
           Xapian::Query(std::string(luutru::catalog::schema::kUnit) + key),
           "-b hoso:" + std::string(luutru::catalog::schema::kUnit),
           "hoso:" + key};
    c.request.unit = key;
    cases.push_back(c);
  }

  if (!dump_queries.empty()) {
    std::ofstream out(dump_queries, std::ios::trunc);
    for (const auto& c : cases) {
      if (!c.quest_options.empty()) out << c.cls << '\t' << c.quest_options << '\t' << c.quest_query << '\n';
    }
    if (!out) {
      std::cerr << "bench_search_latency: cannot write " << dump_queries << "\n";
      return 2;
    }
  }

  std::map<std::string, std::vector<double>> ours, plain;
  std::map<std::string, bool> estimated;
  Xapian::Enquire enquire(db);
  for (int round = 0; round <= rounds; ++round) {
    for (const auto& c : cases) {
      auto t0 = Clock::now();
      auto response = searcher.Search(c.request);
      auto t1 = Clock::now();
      if (response.total_is_estimate) estimated[c.cls] = true;
      if (round > 0) ours[c.cls].push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      if (!c.raw.empty()) {
        t0 = Clock::now();
        enquire.set_query(c.raw);
        auto mset = enquire.get_mset(0, 10);
        t1 = Clock::now();
        if (round > 0) plain[c.cls].push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      }
    }
  }

  std::printf("database: %u documents in %zu database(s)\n", db.get_doccount(), dbs.size());
  std::printf("%-22s %7s %10s %10s %12s %12s %s\n", "class", "queries", "p50 ms", "p99 ms", "xapian p50", "xapian p99",
              "");
  for (const auto& [cls, times] : ours) {
    const auto& raw = plain[cls];
    std::printf("%-22s %7zu %10.2f %10.2f %12s %12s %s\n", cls.c_str(), times.size() / rounds, Percentile(times, 0.5),
                Percentile(times, 0.99), raw.empty() ? "-" : std::to_string(Percentile(raw, 0.5)).substr(0, 6).c_str(),
                raw.empty() ? "-" : std::to_string(Percentile(raw, 0.99)).substr(0, 6).c_str(),
                estimated[cls] ? "(some totals estimated)" : "");
  }
  return 0;
}
