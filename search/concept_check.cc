#include "search/concept_check.h"

#include <algorithm>
#include <string>

#include "catalog/schema.h"

namespace luutru::search {
namespace {

// The starts of the runs in `starts` that go on with `term` at `offset` words after the start.
void KeepRunsGoingOn(const Xapian::Database& db, Xapian::docid did, const std::string& term, Xapian::termpos offset,
                     std::vector<Xapian::termpos>& starts) {
  std::vector<Xapian::termpos> kept;
  try {
    Xapian::PositionIterator it = db.positionlist_begin(did, term);
    const Xapian::PositionIterator end = db.positionlist_end(did, term);
    for (Xapian::termpos start : starts) {  // ascending, as Xapian's positions
      it.skip_to(start + offset);
      if (it == end) break;
      if (*it == start + offset) kept.push_back(start);
    }
  } catch (const Xapian::RangeError&) {
    // The term is not in this document.
  }
  starts.swap(kept);
}

bool StandsWhole(const Xapian::Database& db, Xapian::docid did, const MatchSequence& concept_words) {
  if (concept_words.words.empty()) return true;
  std::vector<Xapian::termpos> starts;
  const std::string first = std::string(catalog::schema::kFolded) + concept_words.words.front().folded;
  try {
    for (auto it = db.positionlist_begin(did, first); it != db.positionlist_end(did, first); ++it) {
      starts.push_back(*it);
    }
  } catch (const Xapian::RangeError&) {
    return false;
  }
  for (size_t i = 1; i < concept_words.words.size() && !starts.empty(); ++i) {
    KeepRunsGoingOn(db, did, std::string(catalog::schema::kFolded) + concept_words.words[i].folded,
                    static_cast<Xapian::termpos>(i), starts);
  }
  return !starts.empty();
}

}  // namespace

bool HoldsWhole(const Xapian::Database& db, Xapian::docid did, const std::vector<MatchSequence>& checks) {
  return std::all_of(checks.begin(), checks.end(),
                     [&](const MatchSequence& check) { return StandsWhole(db, did, check); });
}

}  // namespace luutru::search
