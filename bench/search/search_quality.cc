// search_quality --db DIR [--db DIR ...] --queries queries.jsonl
// Prints per query class (see search/evaluation.h) recall@10 and MRR, the share of absent phrases
// answered with 0, of totals within max(1, 5 %) of the truth and of exact pull lists; with
// --misses, the queries that missed or miscounted, so a regression can be read, not just counted.
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "search/evaluation.h"
#include "search/search_error.h"

using namespace luutru::search;

int main(int argc, char** argv) {
  std::vector<std::string> dbs;
  std::string queries;
  bool show_misses = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
      dbs.push_back(argv[++i]);
    else if (!std::strcmp(argv[i], "--queries") && i + 1 < argc)
      queries = argv[++i];
    else if (!std::strcmp(argv[i], "--misses"))
      show_misses = true;
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
    // A share over the queries it applies to, or "-" when none does.
    auto share = [](int over, double value) {
      std::ostringstream cell;
      if (over)
        cell << std::fixed << std::setprecision(2) << value;
      else
        cell << "-";
      return cell.str();
    };
    std::cout << std::left << std::setw(26) << "class" << std::right << std::setw(8) << "queries" << std::setw(11)
              << "recall@10" << std::setw(7) << "MRR" << std::setw(9) << "zero" << std::setw(9) << "totals"
              << std::setw(11) << "pull lists" << '\n';
    int ranked = 0;
    double recall = 0, mrr = 0;
    for (const auto& [name, c] : quality) {
      std::cout << std::left << std::setw(26) << name << std::right << std::setw(8) << c.queries << std::setw(11)
                << share(c.ranked, c.recall_at_10) << std::setw(7) << share(c.ranked, c.mrr) << std::setw(9)
                << share(c.absent, c.answered_zero) << std::setw(9) << share(c.counted, c.totals_within)
                << std::setw(11) << share(c.listed, c.exact_pull_lists) << '\n';
      ranked += c.ranked;
      recall += c.recall_at_10 * c.ranked;
      mrr += c.mrr * c.ranked;
    }
    if (ranked) {
      std::cout << std::left << std::setw(26) << "all ranked" << std::right << std::setw(8) << ranked << std::setw(11)
                << share(ranked, recall / ranked) << std::setw(7) << share(ranked, mrr / ranked) << '\n';
    }
    std::cout << "recall@10 / MRR over what is shown (the answer; the words tier when the answer is empty);\n"
                 "zero: share of phrases no document holds answered with total 0; totals: share within\n"
                 "max(1, 5 %) of the documents holding the phrase; pull lists: share naming exactly their units.\n";
    if (show_misses) {
      for (const auto& [name, c] : quality) {
        for (const auto& miss : c.misses) std::cout << "miss " << miss << '\n';
        for (const auto& wrong : c.wrong_counts) std::cout << "count " << name << ": " << wrong << '\n';
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
