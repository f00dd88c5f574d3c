#include "search/hit_pages.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace luutru::search {
namespace {

std::vector<Xapian::termpos> Positions(const Xapian::Database& db, Xapian::docid did, const std::string& term) {
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

// Index into stored.doc.pages of the page holding `position`.
size_t PageIndex(const catalog::schema::StoredDocument& stored, uint32_t position) {
  return static_cast<size_t>(catalog::schema::PageOfPosition(stored, position) - stored.doc.first_page);
}

}  // namespace

DocumentMatches LocateSequences(const Xapian::Database& db, Xapian::docid did,
                                const std::vector<MatchSequence>& sequences) {
  DocumentMatches out;
  const std::vector<bool> first = FirstOfTheirWords(sequences);
  for (size_t s = 0; s < sequences.size(); ++s) {
    const MatchSequence& seq = sequences[s];
    if (!first[s]) continue;
    ++out.distinct;
    if (seq.words.empty()) continue;
    std::vector<std::vector<Xapian::termpos>> lists;
    for (const MatchWord& w : seq.words) {
      lists.push_back(Positions(db, did, catalog::schema::PrefixedTerm(catalog::schema::kFolded, w.folded)));
    }
    for (Xapian::termpos start : lists.front()) {
      bool whole = true;
      for (size_t i = 1; i < lists.size() && whole; ++i) {
        whole = std::binary_search(lists[i].begin(), lists[i].end(), start + static_cast<Xapian::termpos>(i));
      }
      if (whole) {
        out.starts.push_back(SequenceStart{start, s, start + static_cast<Xapian::termpos>(lists.size() - 1)});
      }
    }
  }
  std::sort(out.starts.begin(), out.starts.end(),
            [](const SequenceStart& a, const SequenceStart& b) { return a.position < b.position; });
  return out;
}

std::vector<int> HitPages(const catalog::schema::StoredDocument& stored, const DocumentMatches& matches) {
  std::map<int, std::set<size_t>> found;  // page -> the sequences found on it
  for (const SequenceStart& start : matches.starts) {
    found[catalog::schema::PageOfPosition(stored, start.position)].insert(start.sequence);
    found[catalog::schema::PageOfPosition(stored, start.last)].insert(start.sequence);
  }
  std::vector<int> all, complete;
  for (const auto& [page, seqs] : found) {
    all.push_back(page);
    if (seqs.size() == matches.distinct) complete.push_back(page);
  }
  return complete.empty() ? all : complete;
}

std::vector<SnippetAnchor> SnippetAnchors(const catalog::schema::StoredDocument& stored, const DocumentMatches& matches,
                                          const std::vector<int>& pages) {
  std::vector<SnippetAnchor> anchors;
  const auto& page_starts = stored.page_start_positions;
  for (const SequenceStart& start : matches.starts) {
    const size_t index = PageIndex(stored, start.position);
    if (index >= stored.doc.pages.size() || index >= page_starts.size() || start.position < page_starts[index]) {
      continue;
    }
    if (!std::binary_search(pages.begin(), pages.end(), stored.doc.first_page + static_cast<int>(index))) continue;
    anchors.push_back(SnippetAnchor{index, start.position - page_starts[index], start.sequence});
  }
  return anchors;
}

}  // namespace luutru::search
