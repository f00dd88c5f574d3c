#include "search/evaluation.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "catalog/model.h"

namespace luutru::search {
namespace {

using nlohmann::json;

constexpr int kCutoff = 10;
constexpr int kDepth = 100;  // how deep to look for the first relevant document (MRR)

void ApplyOne(const std::string& key, const std::string& value, SearchRequest& r) {
  if (key == "unit")
    r.unit = value;
  else if (key == "number")
    r.number = value;
  else if (key == "type")
    r.type = value;
  else if (key == "from")
    r.from = value;
  else if (key == "to")
    r.to = value;
  else if (key == "sort")
    r.sort = value == "date" ? SortOrder::kDate : value == "-date" ? SortOrder::kDateDescending : SortOrder::kRelevance;
  else if (key == "group-by")
    r.group_by_unit = value == "unit";
  else if (key == "clearance") {
    auto level = catalog::ParseSecrecy(value);
    if (!level) throw std::invalid_argument("bad clearance: " + value);
    r.clearance = *level;
  } else {
    throw std::invalid_argument("unknown option: --" + key);
  }
}

std::string Stringify(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace

void ApplyOptions(const json& args, SearchRequest& request) {
  if (args.is_null()) return;
  if (args.is_object()) {
    for (const auto& [key, value] : args.items()) {
      ApplyOne(key.starts_with("--") ? key.substr(2) : key, Stringify(value), request);
    }
    return;
  }
  if (!args.is_array()) throw std::invalid_argument("args must be an array or an object");
  for (size_t i = 0; i < args.size(); ++i) {
    std::string key = Stringify(args[i]);
    if (!key.starts_with("--")) throw std::invalid_argument("expected an option, got " + key);
    key = key.substr(2);
    std::string value;
    if (const size_t eq = key.find('='); eq != std::string::npos) {
      value = key.substr(eq + 1);
      key = key.substr(0, eq);
    } else if (i + 1 < args.size()) {
      value = Stringify(args[++i]);
    } else {
      throw std::invalid_argument("option without a value: --" + key);
    }
    ApplyOne(key, value, request);
  }
}

bool TotalWithin(uint64_t total, uint64_t truth) {
  const uint64_t off = total > truth ? total - truth : truth - total;
  return static_cast<double>(off) <= std::max(1.0, 0.05 * static_cast<double>(truth));
}

void TakeMeans(ClassQuality& c) {
  if (c.ranked) {
    c.recall_at_10 /= c.ranked;
    c.mrr /= c.ranked;
  }
  if (c.absent) c.answered_zero /= c.absent;
  if (c.counted) c.totals_within /= c.counted;
  if (c.listed) c.exact_pull_lists /= c.listed;
}

std::map<std::string, ClassQuality> Evaluate(const Searcher& searcher, std::istream& jsonl) {
  std::map<std::string, ClassQuality> out;
  std::string line;
  int line_number = 0;
  while (std::getline(jsonl, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json q;
    try {
      q = json::parse(line);
    } catch (const json::exception& e) {
      throw std::runtime_error("query line " + std::to_string(line_number) + ": " + e.what());
    }
    SearchRequest request;
    request.query = q.value("query", "");
    request.clearance = catalog::Secrecy::kTopSecret;
    request.limit = kDepth;
    ApplyOptions(q.contains("args") ? q["args"] : json(), request);
    std::set<std::string> relevant;
    for (const auto& id : q.at("relevant")) relevant.insert(id.get<std::string>());
    ClassQuality& c = out[q.value("class", "unclassified")];
    ++c.queries;
    const SearchResponse response = searcher.Search(request);
    if (q.contains("total")) {
      const auto truth = q["total"].get<uint64_t>();
      const bool within = TotalWithin(response.total, truth);
      ++c.counted;
      c.totals_within += within ? 1 : 0;
      if (truth == 0) {
        ++c.absent;
        c.answered_zero += response.total == 0 ? 1 : 0;
      }
      if (!within || (truth == 0 && response.total != 0)) {
        c.wrong_counts.push_back(request.query + ": total " + std::to_string(response.total) + " (truth " +
                                 std::to_string(truth) + ")");
      }
    }
    if (q.contains("units") && !q["units"].empty()) {
      // The pull list: the answer grouped by unit, every unit of it.
      SearchRequest pull = request;
      pull.group_by_unit = true;
      pull.limit = 100000;
      std::set<std::string> expected, listed;
      for (const auto& u : q["units"]) expected.insert(u.get<std::string>());
      for (const UnitHit& u : searcher.Search(pull).units) {
        if (u.match == MatchTier::kPhrase) listed.insert(u.unit.code);
      }
      ++c.listed;
      c.exact_pull_lists += listed == expected ? 1 : 0;
      if (listed != expected) {
        c.wrong_counts.push_back(request.query + ": pull list of " + std::to_string(listed.size()) + " units (truth " +
                                 std::to_string(expected.size()) + ")");
      }
    }
    if (relevant.empty()) continue;

    std::vector<const DocumentHit*> ranked;
    for (const auto& d : response.documents) ranked.push_back(&d);
    for (const auto& u : response.units) {
      for (const auto& d : u.documents) ranked.push_back(&d);
    }
    auto is_relevant = [&](const DocumentHit& d) { return relevant.count(d.id) || relevant.count(d.doc.file); };
    int found_in_cutoff = 0;
    int first = 0;
    std::set<std::string> counted;
    for (size_t i = 0; i < ranked.size(); ++i) {
      if (!is_relevant(*ranked[i])) continue;
      if (!first) first = static_cast<int>(i) + 1;
      const std::string& key = relevant.count(ranked[i]->id) ? ranked[i]->id : ranked[i]->doc.file;
      if (i < static_cast<size_t>(kCutoff) && counted.insert(key).second) ++found_in_cutoff;
    }
    ++c.ranked;
    c.recall_at_10 +=
        static_cast<double>(found_in_cutoff) / static_cast<double>(std::min<size_t>(relevant.size(), kCutoff));
    c.mrr += first ? 1.0 / first : 0.0;
    if (!first || first > kCutoff) c.misses.push_back(line);
  }
  for (auto& [name, c] : out) TakeMeans(c);
  return out;
}

}  // namespace luutru::search
