// Whether a document holds a concept whole, read from the index's positions.
//
// A query's answer is first found by its word pairs alone (CompiledQuery::candidates); a concept
// of three words or more also needs its pairs to chain ("a b" and "b c" at one "b"), which only
// the positions of its words tell. Reading them costs a position list per word per document, so
// it is done for the documents an answer shows and counts, not for every candidate.
#ifndef LUUTRU_SEARCH_CONCEPT_CHECK_H_
#define LUUTRU_SEARCH_CONCEPT_CHECK_H_

#include <vector>

#include <xapian.h>

#include "search/query_compiler.h"

namespace luutru::search {

// Whether every concept of `checks` stands whole (its folded words one after another) in
// document `did`. Stops at the first word that breaks every run.
bool HoldsWhole(const Xapian::Database& db, Xapian::docid did, const std::vector<MatchSequence>& checks);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_CONCEPT_CHECK_H_
