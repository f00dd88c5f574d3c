#include "search/hit_pages.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace luutru::search {
namespace {

std::vector<Xapian::termpos> Positions(const Xapian::Database& db, Xapian::docid did,
                                       const std::string& term) {
  std::vector<Xapian::termpos> out;
  try {
    for (auto it = db.positionlist_begin(did, term); it != db.positionlist_end(did, term); ++it) {
      out.push_back(*it);
    }
  } catch (const Xapian::RangeError&) {
    // The term is not in this document.
  } catch (const Xapian::DocNotFoundError&) {
  }
  return out;  // Xapian returns positions in ascending order
}

}  // namespace

std::vector<int> HitPages(const Xapian::Database& db, Xapian::docid did,
                          const catalog::schema::StoredDocument& stored,
                          const std::vector<MatchSequence>& sequences) {
  std::map<int, std::set<size_t>> found;  // page -> the sequences found on it
  std::set<size_t> distinct;                // sequences that differ (a word typed twice counts once)
  std::set<std::vector<std::string>> seen;
  for (size_t s = 0; s < sequences.size(); ++s) {
    const MatchSequence& seq = sequences[s];
    std::vector<std::string> key;
    for (const MatchWord& w : seq.words) key.push_back(w.folded);
    if (!seen.insert(key).second) continue;
    distinct.insert(s);
    if (seq.words.empty()) continue;
    std::vector<std::vector<Xapian::termpos>> lists;
    for (const MatchWord& w : seq.words) {
      lists.push_back(Positions(db, did, std::string(catalog::schema::kFolded) + w.folded));
    }
    for (Xapian::termpos start : lists.front()) {
      bool whole = true;
      for (size_t i = 1; i < lists.size() && whole; ++i) {
        whole = std::binary_search(lists[i].begin(), lists[i].end(), start + static_cast<Xapian::termpos>(i));
      }
      if (whole) found[catalog::schema::PageOfPosition(stored, start)].insert(s);
    }
  }
  std::vector<int> all, complete;
  for (const auto& [page, seqs] : found) {
    all.push_back(page);
    if (seqs.size() == distinct.size()) complete.push_back(page);
  }
  return complete.empty() ? all : complete;
}

}  // namespace luutru::search
