// Searcher::Units: the catalogue of storage units one reader may see, through Execute().
#include <map>

#include "search/searcher.h"

namespace luutru::search {

std::vector<UnitSummary> Searcher::Units(catalog::Secrecy clearance) const {
  const Run run = Run::Unranked(db_.get_doccount(), db_.get_doccount());
  std::map<std::string, UnitSummary> units;
  if (run.max_items == 0) return {};
  const Xapian::MSet mset = Execute(Xapian::Query::MatchAll, clearance, run);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const catalog::ArchiveDocument doc =
        catalog::schema::ReadStoredDocument(it.get_document(), /*word_boxes=*/false).doc;
    const std::string key = catalog::UnitKey(doc.unit.code);
    UnitSummary& summary = units[key];
    if (summary.documents == 0) {
      summary.key = key;
      summary.unit = doc.unit;
    }
    ++summary.documents;
    summary.pages += static_cast<uint64_t>(std::max(0, doc.last_page - doc.first_page + 1));
    const auto& date = doc.meta.date;
    if (!date) {
      ++summary.undated;
      continue;
    }
    if (!summary.earliest || date->FirstDay() < summary.earliest->FirstDay()) summary.earliest = date;
    if (!summary.latest || date->LastDay() > summary.latest->LastDay()) summary.latest = date;
  }
  std::vector<UnitSummary> out;
  out.reserve(units.size());
  for (auto& [key, summary] : units) out.push_back(std::move(summary));
  return out;
}

}  // namespace luutru::search
