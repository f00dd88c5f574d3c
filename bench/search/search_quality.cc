// search_quality --db DIR [--db DIR ...] --queries queries.jsonl
// Prints recall@10 and MRR per query class (see search/evaluation.h), and the queries that
// missed, so a regression can be read, not just counted.
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "search/evaluation.h"
#include "search/search_error.h"

using namespace luutru::search;

int main(int argc, char** argv) {
  std::vector<std::string> dbs;
  std::string queries;
  bool show_misses = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--db") && i + 1 < argc) dbs.push_back(argv[++i]);
    else if (!std::strcmp(argv[i], "--queries") && i + 1 < argc) queries = argv[++i];
    else if (!std::strcmp(argv[i], "--misses")) show_misses = true;
    else {
      std::cerr << "usage: search_quality --db DIR [--db DIR ...] --queries FILE.jsonl [--misses]\n";
      return 2;
    }
  }
  if (dbs.empty() || queries.empty()) {
    std::cerr << "usage: search_quality --db DIR [--db DIR ...] --queries FILE.jsonl [--misses]\n";
    return 2;
  }
  std::ifstream in(queries);
  if (!in) {
    std::cerr << "search_quality: cannot read " << queries << "\n";
    return 2;
  }
  try {
    const Searcher searcher = Searcher::Open(dbs);
    const auto quality = Evaluate(searcher, in);
    std::cout << std::left << std::setw(22) << "class" << std::right << std::setw(8) << "queries" << std::setw(12)
              << "recall@10" << std::setw(8) << "MRR" << '\n';
    int total = 0;
    double recall = 0, mrr = 0;
    for (const auto& [name, c] : quality) {
      std::cout << std::left << std::setw(22) << name << std::right << std::setw(8) << c.queries << std::fixed
                << std::setprecision(3) << std::setw(12) << c.recall_at_10 << std::setw(8) << c.mrr << '\n';
      total += c.queries;
      recall += c.recall_at_10 * c.queries;
      mrr += c.mrr * c.queries;
    }
    if (total) {
      std::cout << std::left << std::setw(22) << "all" << std::right << std::setw(8) << total << std::setw(12)
                << recall / total << std::setw(8) << mrr / total << '\n';
    }
    if (show_misses) {
      for (const auto& [name, c] : quality) {
        for (const auto& miss : c.misses) std::cout << "miss " << miss << '\n';
      }
    }
  } catch (const SearchError& e) {
    std::cerr << "search_quality: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "search_quality: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
