#include "search/serve/browse.h"

#include <algorithm>
#include <vector>

#include "search/serve/pull_list.h"

namespace luutru::serve {
namespace {

using json = nlohmann::ordered_json;

json Opt(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// Counts and the date span of a group of units.
struct Totals {
  uint64_t units = 0, documents = 0, pages = 0;
  std::optional<catalog::PartialDate> earliest, latest;
  void Add(const search::UnitSummary& u) {
    ++units;
    documents += u.documents;
    pages += u.pages;
    if (u.earliest && (!earliest || u.earliest->FirstDay() < earliest->FirstDay())) earliest = u.earliest;
    if (u.latest && (!latest || u.latest->LastDay() > latest->LastDay())) latest = u.latest;
  }
  void Into(json& out) const {
    out["units_count"] = units;
    out["documents"] = documents;
    out["pages"] = pages;
    out["date_from"] = earliest ? json(earliest->ToString()) : json(nullptr);
    out["date_to"] = latest ? json(latest->ToString()) : json(nullptr);
  }
};

}  // namespace

UnitCatalogue::UnitCatalogue(std::function<std::vector<search::UnitSummary>(catalog::Secrecy)> load,
                             std::chrono::seconds max_age)
    : load_(std::move(load)), max_age_(max_age) {}

std::shared_ptr<const UnitMap> UnitCatalogue::Get(catalog::Secrecy clearance) {
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(clearance);
    if (it != entries_.end() && now - it->second.built <= max_age_) return it->second.units;
  }
  auto units = std::make_shared<UnitMap>();
  for (auto& u : load_(clearance)) {
    std::string key = u.key;
    units->emplace(std::move(key), std::move(u));
  }
  std::lock_guard<std::mutex> lock(mutex_);
  entries_[clearance] = Entry{units, now};
  return units;
}

json BrowseToJson(const UnitMap& units, const std::optional<std::string>& fonds,
                  const std::optional<std::string>& inventory) {
  std::vector<const search::UnitSummary*> sorted;
  for (const auto& [key, u] : units) {
    if (fonds && catalog::UnitKey(u.unit.fonds) != catalog::UnitKey(*fonds)) continue;
    if (inventory && catalog::UnitKey(u.unit.inventory) != catalog::UnitKey(*inventory)) continue;
    sorted.push_back(&u);
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const search::UnitSummary* a, const search::UnitSummary* b) {
    return StoreOrderLess(a->unit, b->unit);
  });
  json out_fonds = json::array();
  size_t i = 0;
  while (i < sorted.size()) {
    const std::string fonds_name = sorted[i]->unit.fonds;
    Totals fonds_totals;
    json inventories = json::array();
    while (i < sorted.size() && sorted[i]->unit.fonds == fonds_name) {
      const std::string inventory_name = sorted[i]->unit.inventory;
      Totals inventory_totals;
      json unit_list = json::array();
      for (; i < sorted.size() && sorted[i]->unit.fonds == fonds_name && sorted[i]->unit.inventory == inventory_name;
           ++i) {
        const search::UnitSummary& u = *sorted[i];
        inventory_totals.Add(u);
        fonds_totals.Add(u);
        unit_list.push_back(json{{"code", Opt(u.unit.code)},
                                 {"title", Opt(u.unit.title)},
                                 {"box", Opt(u.unit.box)},
                                 {"documents", u.documents},
                                 {"pages", u.pages},
                                 {"undated", u.undated},
                                 {"date_from", u.earliest ? json(u.earliest->ToString()) : json(nullptr)},
                                 {"date_to", u.latest ? json(u.latest->ToString()) : json(nullptr)}});
      }
      json inv{{"name", Opt(inventory_name)}};
      inventory_totals.Into(inv);
      inv["units"] = std::move(unit_list);
      inventories.push_back(std::move(inv));
    }
    json f{{"name", Opt(fonds_name)}, {"inventories_count", inventories.size()}};
    fonds_totals.Into(f);
    f["inventories"] = std::move(inventories);
    out_fonds.push_back(std::move(f));
  }
  return json{{"fonds", std::move(out_fonds)}};
}

}  // namespace luutru::serve
