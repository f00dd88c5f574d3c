// Browsing the holdings: fonds (phông) → inventories (mục lục) → storage units, each with how
// many documents and pages the reader may see and the span of their dates.
//
// The units come from Searcher::Units, so a reader sees only the units, counts and dates of the
// documents their clearance allows. UnitCatalogue keeps each clearance's list for a while, since
// building it reads every visible document's record.
#ifndef LUUTRU_SEARCH_SERVE_BROWSE_H_
#define LUUTRU_SEARCH_SERVE_BROWSE_H_

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "search/searcher.h"

namespace luutru::serve {

// Units by catalog::UnitKey.
using UnitMap = std::map<std::string, search::UnitSummary>;

class UnitCatalogue {
 public:
  // `load` builds the units one clearance may see; lists older than `max_age` are rebuilt.
  UnitCatalogue(std::function<std::vector<search::UnitSummary>(catalog::Secrecy)> load, std::chrono::seconds max_age);

  // Thread-safe. The list stays valid while the returned pointer is held.
  std::shared_ptr<const UnitMap> Get(catalog::Secrecy clearance);

 private:
  struct Entry {
    std::shared_ptr<const UnitMap> units;
    std::chrono::steady_clock::time_point built;
  };
  std::function<std::vector<search::UnitSummary>(catalog::Secrecy)> load_;
  std::chrono::seconds max_age_;
  std::mutex mutex_;
  std::map<catalog::Secrecy, Entry> entries_;
};

// {"fonds": [{"name", "inventories_count", "units_count", "documents", "pages", "date_from",
//  "date_to", "inventories": [{"name", "units_count", "documents", "pages", "date_from", "date_to",
//  "units": [{"code", "title", "box", "documents", "pages", "undated", "date_from", "date_to"}]}]}]},
// in store order (pull_list.h). With `fonds` (and `inventory`), however typed, only that fonds
// (inventory) is listed. Unknown names and dates are null.
nlohmann::ordered_json BrowseToJson(const UnitMap& units, const std::optional<std::string>& fonds,
                                    const std::optional<std::string>& inventory);

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_BROWSE_H_
