// The pull slip (phiếu lấy hồ sơ): every storage unit of an answer in the order the store keeps
// them, so the archivist walks the shelves once.
//
// Store order is fonds, inventory, box, then the unit's code, each compared with numbers read as
// numbers ("Hộp 9" before "Hộp 10", "ĐVBQ 0099" before "ĐVBQ 100"); a unit without a box comes
// after the boxed units of its inventory; documents without a unit come last. Inside a unit the
// documents keep catalog order.
#ifndef LUUTRU_SEARCH_SERVE_PULL_LIST_H_
#define LUUTRU_SEARCH_SERVE_PULL_LIST_H_

#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/messages.h"
#include "search/searcher.h"

namespace luutru::serve {

// <0, 0, >0 as `a` sorts before, with, after `b`: runs of digits compare by value, the rest
// byte by byte.
int CompareNumbersAsNumbers(std::string_view a, std::string_view b);

// Whether unit `a` stands before unit `b` in the store.
bool StoreOrderLess(const catalog::StorageUnit& a, const catalog::StorageUnit& b);

struct PullUnit {
  std::string key;  // catalog::UnitKey of the code; "" for documents without a unit
  catalog::StorageUnit unit;
  const search::UnitSummary* summary = nullptr;  // the whole unit as this reader sees it; may be null
  std::vector<search::DocumentHit> documents;    // the answer's documents of this unit, catalog order
};

struct PullList {
  std::vector<PullUnit> units;  // store order
  uint64_t total_documents = 0;
};

// Deals `hits` (every document of an answer) to their units and puts them in store order.
// `summaries` (by key) give each unit's date span and size; they must outlive the result.
PullList BuildPullList(std::vector<search::DocumentHit> hits,
                       const std::map<std::string, search::UnitSummary>& summaries);

// {"total_units", "total_documents", "units": [{"code", "title", "fonds", "inventory", "box",
//  "date_from", "date_to", "documents_in_unit", "pages_in_unit", "matching_documents",
//  "documents": [{"id", "number", "date", "type", "title", "page_range", "pages", "secrecy",
//  "file"}]}]}; unknown values are null, secrecy null when unknown.
nlohmann::ordered_json PullListToJson(const PullList& list);

// One row per document (the unit's columns repeated), header first, CRLF line ends.
void WritePullListCsv(std::ostream& out, const PullList& list, search::Lang lang);

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_PULL_LIST_H_
