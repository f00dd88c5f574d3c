// search_latency --db DIR [--queries FILE] [--runs N] [--no-process]
// Per-query latency, p50 and p99, of
//   library   Searcher::Search in this process (top 10, pages and snippets included),
//   cli       the luutru-search program, start to exit (--format json),
//   quest     Xapian's own `quest` on the same database (its QueryParser, no folding, no
//             snippets): the floor a Xapian program pays for the same query.
// Queries come from FILE (queries.jsonl from the corpus generator, or one query a line);
// without it, 200 are drawn from the titles stored in the database.
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "catalog/schema.h"
#include "search/searcher.h"

using namespace luutru::search;
using Clock = std::chrono::steady_clock;

namespace {

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::vector<std::string> LoadQueries(const std::string& file) {
  std::vector<std::string> out;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] == '{') {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (!j.is_discarded() && j.contains("query") && j["query"].is_string() &&
          !j["query"].get<std::string>().empty()) {
        out.push_back(j["query"]);
      }
    } else {
      out.push_back(line);
    }
  }
  return out;
}

// Two to four words from the titles of random documents: realistic subject queries.
std::vector<std::string> QueriesFromTitles(const Xapian::Database& db, size_t count) {
  std::vector<std::string> out;
  std::mt19937 rng(42);
  const Xapian::docid last = db.get_lastdocid();
  if (last == 0) return out;
  std::uniform_int_distribution<Xapian::docid> pick(1, last);
  for (size_t tries = 0; out.size() < count && tries < count * 20; ++tries) {
    try {
      const auto stored = luutru::catalog::schema::ReadStoredDocument(db.get_document(pick(rng)));
      if (!stored.doc.meta.title) continue;
      std::istringstream words(*stored.doc.meta.title);
      std::vector<std::string> w;
      for (std::string s; words >> s;) w.push_back(s);
      if (w.size() < 2) continue;
      const size_t n = std::min<size_t>(w.size(), 2 + rng() % 3);
      const size_t start = rng() % (w.size() - n + 1);
      std::string q;
      for (size_t i = start; i < start + n; ++i) q += (q.empty() ? "" : " ") + w[i];
      out.push_back(q);
    } catch (const Xapian::DocNotFoundError&) {
    }
  }
  return out;
}

struct Figures {
  double p50, p99, mean;
};

Figures Summarize(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * (ms.size() - 1) + 0.5))]; };
  double sum = 0;
  for (double v : ms) sum += v;
  return {at(0.5), at(0.99), sum / ms.size()};
}

double TimeCommand(const std::string& cmd) {
  const auto t0 = Clock::now();
  const int rc = std::system(cmd.c_str());
  const auto t1 = Clock::now();
  if (rc == -1) return -1;
  return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

void Print(const char* name, const std::vector<double>& ms) {
  if (ms.empty()) return;
  const Figures f = Summarize(ms);
  std::cout << std::left << std::setw(10) << name << std::right << std::fixed << std::setprecision(2) << std::setw(10)
            << f.p50 << std::setw(10) << f.p99 << std::setw(10) << f.mean << std::setw(9) << ms.size() << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path, queries_file;
  int runs = 1;
  bool processes = true;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
      db_path = argv[++i];
    else if (!std::strcmp(argv[i], "--queries") && i + 1 < argc)
      queries_file = argv[++i];
    else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--no-process"))
      processes = false;
    else {
      std::cerr << "usage: search_latency --db DIR [--queries FILE] [--runs N] [--no-process]\n";
      return 2;
    }
  }
  if (db_path.empty()) {
    std::cerr << "usage: search_latency --db DIR [--queries FILE] [--runs N] [--no-process]\n";
    return 2;
  }
  try {
    const Searcher searcher = Searcher::Open({db_path});
    std::vector<std::string> queries =
        queries_file.empty() ? QueriesFromTitles(searcher.database(), 200) : LoadQueries(queries_file);
    if (queries.empty()) {
      std::cerr << "search_latency: no queries\n";
      return 2;
    }
    std::cout << "database: " << db_path << " (" << searcher.database().get_doccount() << " documents), "
              << queries.size() << " queries x " << runs << " runs\n";
    std::vector<double> library, cli, quest;
    size_t hits = 0;
    for (int run = 0; run < runs; ++run) {
      for (const std::string& q : queries) {
        SearchRequest r;
        r.query = q;
        const auto t0 = Clock::now();
        try {
          hits += searcher.Search(r).documents.size();
        } catch (const std::exception&) {
          continue;  // a query the language rejects is not timed
        }
        library.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (!processes) continue;
        const double c = TimeCommand(std::string(LUUTRU_SEARCH_BINARY) + " --format json --db " + ShellQuote(db_path) +
                                     " " + ShellQuote(q) + " >/dev/null 2>&1");
        if (c >= 0) cli.push_back(c);
        const double x =
            TimeCommand("quest -d " + ShellQuote(db_path) + " -m 10 " + ShellQuote(q) + " >/dev/null 2>&1");
        if (x >= 0) quest.push_back(x);
      }
    }
    std::cout << std::left << std::setw(10) << "ms" << std::right << std::setw(10) << "p50" << std::setw(10) << "p99"
              << std::setw(10) << "mean" << std::setw(9) << "queries" << '\n';
    Print("library", library);
    Print("cli", cli);
    Print("quest", quest);
    std::cout << "results returned by the library: " << hits << '\n';
  } catch (const std::exception& e) {
    std::cerr << "search_latency: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
