#include "search/hit_pages.h"

#include <algorithm>
#include <map>
#include <numeric>
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

// Index into stored.doc.pages of the page holding `position`.
size_t PageIndex(const catalog::schema::StoredDocument& stored, uint32_t position) {
  return static_cast<size_t>(catalog::schema::PageOfPosition(stored, position) - stored.doc.first_page);
}

}  // namespace

std::vector<DocumentMatches> LocateSequences(const Xapian::Database& db, const std::vector<Xapian::docid>& dids,
                                             const std::vector<MatchSequence>& sequences) {
  const std::vector<bool> first = FirstOfTheirWords(sequences);
  // The folded terms to read, each once: term_of[s][i] is word i of sequence s.
  std::vector<std::string> terms;
  std::vector<std::vector<size_t>> term_of(sequences.size());
  for (size_t s = 0; s < sequences.size(); ++s) {
    if (!first[s]) continue;
    for (const MatchWord& w : sequences[s].words) {
      const std::string term = std::string(catalog::schema::kFolded) + w.folded;
      const size_t t = static_cast<size_t>(std::find(terms.begin(), terms.end(), term) - terms.begin());
      if (t == terms.size()) terms.push_back(term);
      term_of[s].push_back(t);
    }
  }
  std::vector<size_t> in_docid_order(dids.size());
  std::iota(in_docid_order.begin(), in_docid_order.end(), size_t{0});
  std::sort(in_docid_order.begin(), in_docid_order.end(), [&](size_t a, size_t b) { return dids[a] < dids[b]; });
  // positions[t][d]: term t in document dids[d].
  std::vector<std::vector<std::vector<Xapian::termpos>>> positions(terms.size());
  for (size_t t = 0; t < terms.size(); ++t) {
    positions[t].resize(dids.size());
    for (size_t d : in_docid_order) positions[t][d] = Positions(db, dids[d], terms[t]);
  }

  std::vector<DocumentMatches> out(dids.size());
  for (size_t d = 0; d < dids.size(); ++d) {
    DocumentMatches& matches = out[d];
    for (size_t s = 0; s < sequences.size(); ++s) {
      if (!first[s]) continue;
      ++matches.distinct;
      if (term_of[s].empty()) continue;
      const std::vector<Xapian::termpos>& starts = positions[term_of[s].front()][d];
      for (Xapian::termpos start : starts) {
        bool whole = true;
        for (size_t i = 1; i < term_of[s].size() && whole; ++i) {
          const std::vector<Xapian::termpos>& list = positions[term_of[s][i]][d];
          whole = std::binary_search(list.begin(), list.end(), start + static_cast<Xapian::termpos>(i));
        }
        if (whole) matches.starts.push_back(SequenceStart{start, s});
      }
    }
    std::sort(matches.starts.begin(), matches.starts.end(),
              [](const SequenceStart& a, const SequenceStart& b) { return a.position < b.position; });
  }
  return out;
}

std::vector<int> HitPages(const catalog::schema::StoredDocument& stored, const DocumentMatches& matches) {
  std::map<int, std::set<size_t>> found;  // page -> the sequences found on it
  for (const SequenceStart& start : matches.starts) {
    found[catalog::schema::PageOfPosition(stored, start.position)].insert(start.sequence);
  }
  std::vector<int> all, complete;
  for (const auto& [page, seqs] : found) {
    all.push_back(page);
    if (seqs.size() == matches.distinct) complete.push_back(page);
  }
  return complete.empty() ? all : complete;
}

std::vector<SnippetAnchor> SnippetAnchors(const catalog::schema::StoredDocument& stored,
                                          const DocumentMatches& matches, const std::vector<int>& pages) {
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
