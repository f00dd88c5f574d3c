#include "bench/peers/peers_scoring.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace luutru::bench {
namespace {

using nlohmann::json;

constexpr size_t kCutoff = 10;
constexpr size_t kDepth = 100;

std::ifstream OpenOrThrow(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot read");
  return in;
}

std::string Word(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::vector<std::string> ArgWords(const json& args) {
  std::vector<std::string> words;
  if (args.is_array()) {
    for (const auto& a : args) words.push_back(Word(a));
  } else if (args.is_object()) {
    for (const auto& [key, value] : args.items()) {
      words.push_back(key.starts_with("--") ? key : "--" + key);
      words.push_back(Word(value));
    }
  }
  return words;
}

std::string FileOf(const std::string& id) { return id.substr(0, id.find('#')); }

// Whether `hit` answers the relevant entry `rel` (see the header for the rule).
bool Matches(const std::string& hit, const std::string& rel) {
  const bool hit_is_file = hit.find('#') == std::string::npos;
  const bool rel_is_file = rel.find('#') == std::string::npos;
  if (hit_is_file || rel_is_file) return FileOf(hit) == FileOf(rel);
  return hit == rel;
}

double Percentile(std::vector<double> sorted, double p) {
  if (sorted.empty()) return 0;
  const size_t rank = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

std::vector<PeerQuery> ReadQueries(const std::filesystem::path& jsonl) {
  std::ifstream in = OpenOrThrow(jsonl);
  std::vector<PeerQuery> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      const json j = json::parse(line);
      PeerQuery q;
      q.id = "q" + std::to_string(n);
      q.klass = j.value("class", "unclassified");
      q.query = j.value("query", "");
      q.args = ArgWords(j.contains("args") ? j["args"] : json());
      for (const auto& r : j.at("relevant")) q.relevant.push_back(r.get<std::string>());
      if (j.contains("total")) q.total = j["total"].get<uint64_t>();
      for (const auto& u : j.value("units", json::array())) q.units.insert(u.get<std::string>());
      out.push_back(std::move(q));
    } catch (const json::exception& e) {
      throw std::runtime_error(jsonl.string() + ":" + std::to_string(n) + ": " + e.what());
    }
  }
  return out;
}

std::string PeerText(const PeerQuery& q) {
  std::string text = q.total && !q.query.empty() ? '"' + q.query + '"' : q.query;
  for (size_t i = 0; i + 1 < q.args.size(); ++i) {
    if (q.args[i] != "--number") continue;
    if (!text.empty()) text += ' ';
    text += q.args[i + 1];
  }
  return text;
}

Answers ReadAnswers(const std::filesystem::path& tsv) {
  std::ifstream in = OpenOrThrow(tsv);
  Answers out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    std::istringstream fields(line);
    std::string id, rank, hit;
    if (!std::getline(fields, id, '\t') || !std::getline(fields, rank, '\t') || !std::getline(fields, hit) ||
        hit.empty()) {
      throw std::runtime_error(tsv.string() + ":" + std::to_string(n) + ": expected 'id<TAB>rank<TAB>hit'");
    }
    out[id].push_back(hit);  // written in rank order
  }
  return out;
}

std::map<std::string, std::string> ReadFileUnits(const std::filesystem::path& truth_jsonl) {
  std::ifstream in = OpenOrThrow(truth_jsonl);
  std::map<std::string, std::string> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      const json j = json::parse(line);
      if (!j.contains("unit")) continue;  // a broken file on purpose: no document, no unit
      out[j.at("file").get<std::string>()] = j["unit"].at("code").get<std::string>();
    } catch (const json::exception& e) {
      throw std::runtime_error(truth_jsonl.string() + ":" + std::to_string(n) + ": " + e.what());
    }
  }
  return out;
}

Counts ReadCounts(const std::filesystem::path& tsv, const std::map<std::string, std::string>& file_units) {
  std::ifstream in = OpenOrThrow(tsv);
  struct Raw {
    std::optional<uint64_t> total;
    std::set<std::string> own_units;      // the tool's own pull list
    std::set<std::string> truth_units;    // the units of the answered files the truth knows
    std::set<std::string> outside_units;  // the tool's units of the answered files it does not
    uint64_t outside = 0;                 // answers in files the truth does not know
  };
  std::map<std::string, Raw> raw;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    std::istringstream fields(line);
    std::string id, what, value, unit;
    const bool read = std::getline(fields, id, '\t') && std::getline(fields, what, '\t') &&
                      std::getline(fields, value, '\t') && !value.empty();
    std::getline(fields, unit);
    const std::string where = tsv.string() + ":" + std::to_string(n);
    if (!read) throw std::runtime_error(where + ": expected 'id<TAB>total|unit|file<TAB>value'");
    Raw& r = raw[id];
    if (what == "total") {
      if (value.find_first_not_of("0123456789") != std::string::npos) {
        throw std::runtime_error(where + ": a total is a number, not '" + value + "'");
      }
      r.total = std::stoull(value);
    } else if (what == "unit") {
      r.own_units.insert(value);
    } else if (what == "file") {
      const auto it = file_units.find(value);
      if (it != file_units.end()) {
        r.truth_units.insert(it->second);
      } else {
        ++r.outside;
        if (!unit.empty()) r.outside_units.insert(unit);
      }
    } else {
      throw std::runtime_error(where + ": expected 'total', 'unit' or 'file', not '" + what + "'");
    }
  }
  Counts out;
  for (const auto& [id, r] : raw) {
    Count& c = out[id];
    if (r.total) c.total = *r.total - std::min(*r.total, r.outside);
    if (r.own_units.empty()) {
      c.units = r.truth_units;
    } else {
      for (const std::string& u : r.own_units) {
        if (!r.outside_units.count(u) || r.truth_units.count(u)) c.units.insert(u);
      }
    }
  }
  return out;
}

std::map<std::string, search::ClassQuality> Score(const std::vector<PeerQuery>& queries, const Answers& answers,
                                                  const Counts& counts) {
  std::map<std::string, search::ClassQuality> out;
  for (const PeerQuery& q : queries) {
    search::ClassQuality& c = out[q.klass];
    ++c.queries;
    const auto counted = counts.find(q.id);
    const Count count = counted == counts.end() ? Count{} : counted->second;
    if (q.total) {
      const bool within = count.total && search::TotalWithin(*count.total, *q.total);
      ++c.counted;
      c.totals_within += within ? 1 : 0;
      if (*q.total == 0) {
        ++c.absent;
        c.answered_zero += count.total == uint64_t{0} ? 1 : 0;
      }
    }
    if (!q.units.empty()) {
      ++c.listed;
      c.exact_pull_lists += count.units == q.units ? 1 : 0;
    }
    if (q.relevant.empty()) continue;
    ++c.ranked;
    const auto it = answers.find(q.id);
    if (it == answers.end()) continue;
    const std::vector<std::string>& hits = it->second;
    std::set<std::string> found;
    size_t first = 0;
    for (size_t i = 0; i < std::min(hits.size(), kDepth); ++i) {
      for (const std::string& rel : q.relevant) {
        if (!Matches(hits[i], rel)) continue;
        if (!first) first = i + 1;
        if (i < kCutoff) found.insert(rel);
      }
    }
    // Of the relevant documents, or of 10 when more (a phrase many documents hold), as
    // search/evaluation.h counts it.
    c.recall_at_10 += static_cast<double>(found.size()) / static_cast<double>(std::min(q.relevant.size(), kCutoff));
    c.mrr += first ? 1.0 / static_cast<double>(first) : 0.0;
  }
  for (auto& [name, c] : out) search::TakeMeans(c);
  return out;
}

LatencySummary ReadLatency(const std::filesystem::path& tsv) {
  std::ifstream in = OpenOrThrow(tsv);
  std::vector<double> ms;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    const size_t tab = line.find('\t');
    try {
      ms.push_back(std::stod(line.substr(tab == std::string::npos ? 0 : tab + 1)) * 1000.0);
    } catch (const std::exception&) {
      throw std::runtime_error(tsv.string() + ":" + std::to_string(n) + ": expected 'id<TAB>seconds'");
    }
  }
  std::sort(ms.begin(), ms.end());
  return {static_cast<int>(ms.size()), Percentile(ms, 0.50), Percentile(ms, 0.99)};
}

}  // namespace luutru::bench
