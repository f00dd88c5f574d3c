// Where the searched words matched in a document, read from the index's positions.
//
// A word matches where its folded term is (the exact form is always indexed at the same
// position, so folded positions cover both); a phrase matches where all its words follow one
// another. Positions become pages with catalog::schema::PageOfPosition, counted from the start of
// the file, so a viewer can open the file there. When some pages hold every searched word or
// phrase, those pages are the answer ("nha dai doan ket" is on page 2, even if "kết" is also on
// page 1); otherwise every page that holds any of them.
#ifndef LUUTRU_SEARCH_HIT_PAGES_H_
#define LUUTRU_SEARCH_HIT_PAGES_H_

#include <cstdint>
#include <vector>

#include <xapian.h>

#include "catalog/schema.h"
#include "search/query_compiler.h"
#include "search/snippet.h"

namespace luutru::search {

// One place where a whole searched sequence starts.
struct SequenceStart {
  uint32_t position;  // term position in the document
  size_t sequence;    // index into the sequences searched
  uint32_t last;      // term position of its last word (positions run on across pages)
};

struct DocumentMatches {
  std::vector<SequenceStart> starts;  // in position order
  size_t distinct = 0;                // sequences that differ (a word typed twice counts once)
};

// Every start of every distinct sequence in document `did` (of a sequence typed twice, the
// first).
DocumentMatches LocateSequences(const Xapian::Database& db, Xapian::docid did,
                                const std::vector<MatchSequence>& sequences);

// Sorted, without duplicates; empty when nothing matched in the text. A sequence cut by a page
// break is on both pages.
std::vector<int> HitPages(const catalog::schema::StoredDocument& stored, const DocumentMatches& matches);

// The starts that lie on `pages`, as word offsets on their page, for MakeSnippetAt.
std::vector<SnippetAnchor> SnippetAnchors(const catalog::schema::StoredDocument& stored, const DocumentMatches& matches,
                                          const std::vector<int>& pages);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_HIT_PAGES_H_
