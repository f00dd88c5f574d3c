// peers_score: the scoring half of bench/peers/run-peers-bench.sh.
//
//   peers_score queries QUERIES.jsonl
//     prints one line a query, fields separated by U+001F (a field may be empty):
//     id, class, luutru query, peer text (see PeerText), "count" when the query has a known total
//     or units (else empty), luutru-search options...
//   peers_score probe TRANSCRIPTION.txt TEXT_LAYER.txt TRUTH.jsonl FILE
//     prints a query line (class "real scans") for a scanned FILE with no truth: the first three
//     distinct words of its transcription, after the heading lines, that neither its text layer
//     nor any generated document (TRUTH.jsonl) holds, so that only a tool that reads FILE's image
//     can find it, and the words point at FILE alone. Prints nothing if there are none.
//   peers_score table QUERIES.jsonl TRUTH.jsonl MANIFEST.tsv
//     prints two Markdown tables: quality and cost, then totals and pull lists. MANIFEST lines,
//     tab-separated: tool name, answers TSV, latency TSV, index wall seconds, pages, index size
//     KiB, peak RSS KiB, what the tool cannot do ("class=reason;class=reason", or "-"), and its
//     counts TSV (peers_scoring.h). A measure that is "-" prints as "—".
#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>

#include "bench/peers/peers_scoring.h"
#include "tokenizers/tokenizer.h"

namespace {

using namespace luutru::bench;

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(s);
  while (std::getline(in, field, sep)) out.push_back(field);
  return out;
}

std::string Fixed(double v, int digits) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(digits) << v;
  return o.str();
}

// "-" stays unknown; otherwise value * scale with `digits` decimals.
std::string Measure(const std::string& raw, double scale, int digits) {
  if (raw == "-" || raw.empty()) return "—";
  return Fixed(std::stod(raw) * scale, digits);
}

void PrintQueries(const std::string& path) {
  constexpr char kSep = '\x1f';
  for (const PeerQuery& q : ReadQueries(path)) {
    std::cout << q.id << kSep << q.klass << kSep << q.query << kSep << PeerText(q) << kSep
              << (q.total || !q.units.empty() ? "count" : "");
    for (const std::string& a : q.args) std::cout << kSep << a;
    std::cout << '\n';
  }
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void PrintProbe(const std::string& transcription, const std::string& text_layer, const std::string& truth,
                const std::string& file) {
  constexpr int kHeadingLines = 3;  // agency, number and date: the same in every document's header
  constexpr size_t kWords = 3;
  std::set<std::string> layer;  // folded words a tool can find without reading FILE's image
  for (const auto& t : luutru::tokenizers::Tokenize(ReadAll(text_layer))) layer.insert(t.folded);
  std::istringstream documents(ReadAll(truth));
  for (std::string line; std::getline(documents, line);) {
    if (line.empty()) continue;
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      throw std::runtime_error(truth + ": " + e.what());
    }
    for (const auto& page : doc.value("pages", nlohmann::json::array())) {
      for (const auto& t : luutru::tokenizers::Tokenize(page.get<std::string>())) layer.insert(t.folded);
    }
  }
  std::istringstream lines(ReadAll(transcription));
  std::string text, line;
  for (int n = 0; std::getline(lines, line); ++n) {
    if (n >= kHeadingLines) text += line + '\n';
  }
  std::vector<std::string> words;
  for (const auto& t : luutru::tokenizers::Tokenize(text)) {
    if (t.kind != luutru::tokenizers::TokenKind::kWord) continue;
    if (t.folded.size() < 2 || !layer.insert(t.folded).second) continue;  // also skips repeats
    words.push_back(text.substr(t.begin, t.end - t.begin));
    if (words.size() < kWords) continue;
    std::string query;
    for (const std::string& w : words) query += (query.empty() ? "" : " ") + w;
    std::cout << nlohmann::json{{"class", "real scans"}, {"query", query}, {"relevant", {file}}}.dump() << '\n';
    return;
  }
}

std::string Share(int over, double value) { return over ? Fixed(value, 2) : "-"; }

void PrintTable(const std::string& queries_path, const std::string& truth_path, const std::string& manifest_path) {
  const std::vector<PeerQuery> queries = ReadQueries(queries_path);
  const std::map<std::string, std::string> file_units = ReadFileUnits(truth_path);
  // The classes in reading order: how the text is written, then scans, then lookups; a class
  // not named here follows in the order it first appears.
  static const std::vector<std::string> kOrder = {
      "accented",    "unaccented",   "đ",          "tone style",      "nfd",          "tcvn3",
      "ocr-damaged", "scanned-only", "real scans", "document number", "date-filtered"};
  std::map<std::string, int> counts;
  std::vector<std::string> seen;
  std::map<std::string, int> counted;  // queries with a known total or units, per class
  std::vector<std::string> counted_classes;
  for (const PeerQuery& q : queries) {
    if (!q.relevant.empty() && !counts[q.klass]++) seen.push_back(q.klass);
    if ((q.total || !q.units.empty()) && !counted[q.klass]++) counted_classes.push_back(q.klass);
  }
  std::vector<std::string> classes;
  for (const std::string& c : kOrder) {
    if (counts.count(c)) classes.push_back(c);
  }
  for (const std::string& c : seen) {
    if (std::find(kOrder.begin(), kOrder.end(), c) == kOrder.end()) classes.push_back(c);
  }
  std::ifstream manifest(manifest_path);
  if (!manifest) throw std::runtime_error(manifest_path + ": cannot read");

  std::cout << "| tool | index wall s | pages/s | index MiB | peak RSS MiB |";
  for (const auto& c : classes) std::cout << ' ' << c << " (" << counts[c] << ") R@10 / MRR |";
  std::cout << " latency p50 / p99 ms |\n|---|---:|---:|---:|---:|";
  for (size_t i = 0; i < classes.size(); ++i) std::cout << "---|";
  std::cout << "---:|\n";

  std::string line;
  std::vector<std::pair<std::string, std::map<std::string, luutru::search::ClassQuality>>> rows;
  for (int n = 1; std::getline(manifest, line); ++n) {
    if (line.empty()) continue;
    const std::vector<std::string> f = Split(line, '\t');
    if (f.size() != 9) throw std::runtime_error(manifest_path + ":" + std::to_string(n) + ": expected 9 fields");
    std::map<std::string, std::string> unable;
    for (const std::string& item : Split(f[7] == "-" ? "" : f[7], ';')) {
      const size_t eq = item.find('=');
      if (eq != std::string::npos) unable[item.substr(0, eq)] = item.substr(eq + 1);
    }
    const auto scores = Score(queries, ReadAnswers(f[1]), ReadCounts(f[8], file_units));
    rows.emplace_back(f[0], scores);
    const LatencySummary latency = ReadLatency(f[2]);
    std::string pages_per_s = "—";
    if (f[3] != "-" && f[4] != "-" && std::stod(f[3]) > 0) pages_per_s = Fixed(std::stod(f[4]) / std::stod(f[3]), 1);
    std::cout << "| " << f[0] << " | " << Measure(f[3], 1, 1) << " | " << pages_per_s << " | "
              << Measure(f[5], 1.0 / 1024, 1) << " | " << Measure(f[6], 1.0 / 1024, 0) << " |";
    for (const auto& c : classes) {
      if (unable.count(c)) {
        std::cout << " cannot: " << unable[c] << " |";
        continue;
      }
      const auto it = scores.find(c);
      const luutru::search::ClassQuality s = it == scores.end() ? luutru::search::ClassQuality{} : it->second;
      std::cout << ' ' << Fixed(s.recall_at_10, 2) << " / " << Fixed(s.mrr, 2) << " |";
    }
    std::cout << ' ' << Fixed(latency.p50_ms, 1) << " / " << Fixed(latency.p99_ms, 1) << " |\n";
  }
  if (counted_classes.empty()) return;
  // Totals and pull lists, per class as bench/search prints them.
  std::cout << "\n| tool |";
  for (const auto& c : counted_classes) std::cout << ' ' << c << " (" << counted[c] << ") zero / totals / pull lists |";
  std::cout << "\n|---|";
  for (size_t i = 0; i < counted_classes.size(); ++i) std::cout << "---|";
  std::cout << '\n';
  for (const auto& [tool, scores] : rows) {
    std::cout << "| " << tool << " |";
    for (const auto& c : counted_classes) {
      const auto it = scores.find(c);
      const luutru::search::ClassQuality s = it == scores.end() ? luutru::search::ClassQuality{} : it->second;
      std::cout << ' ' << Share(s.absent, s.answered_zero) << " / " << Share(s.counted, s.totals_within) << " / "
                << Share(s.listed, s.exact_pull_lists) << " |";
    }
    std::cout << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string usage =
      "usage: peers_score queries QUERIES.jsonl\n"
      "       peers_score probe TRANSCRIPTION.txt TEXT_LAYER.txt TRUTH.jsonl FILE\n"
      "       peers_score table QUERIES.jsonl TRUTH.jsonl MANIFEST.tsv\n";
  try {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "queries" && argc == 3) {
      PrintQueries(argv[2]);
    } else if (mode == "probe" && argc == 6) {
      PrintProbe(argv[2], argv[3], argv[4], argv[5]);
    } else if (mode == "table" && argc == 5) {
      PrintTable(argv[2], argv[3], argv[4]);
    } else {
      std::cerr << usage;
      return 2;
    }
  } catch (const std::exception& e) {
    std::cerr << "peers_score: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
