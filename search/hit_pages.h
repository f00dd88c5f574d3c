// The pages of a document where the searched words matched.
//
// A word matches where its folded term is (the exact form is always indexed at the same
// position, so folded positions cover both); a phrase matches where all its words follow one
// another. Positions become pages with catalog::schema::PageOfPosition, counted from the start of
// the file, so a viewer can open the file there. When some pages hold every searched word or
// phrase, those pages are the answer ("nha dai doan ket" is on page 2, even if "kết" is also on
// page 1); otherwise every page that holds any of them.
#ifndef LUUTRU_SEARCH_HIT_PAGES_H_
#define LUUTRU_SEARCH_HIT_PAGES_H_

#include <vector>

#include <xapian.h>

#include "catalog/schema.h"
#include "search/query_compiler.h"

namespace luutru::search {

// Sorted, without duplicates; empty when `sequences` is empty or nothing matched in the text.
std::vector<int> HitPages(const Xapian::Database& db, Xapian::docid did,
                          const catalog::schema::StoredDocument& stored,
                          const std::vector<MatchSequence>& sequences);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_HIT_PAGES_H_
