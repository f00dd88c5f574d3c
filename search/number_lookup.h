// The documents a number names in an archive of real scans, ranked by how well they fit.
//
// On a scan the office wrote the number's digits by hand, and the indexer keeps them with a
// confidence (catalog::FieldConfidence). A lookup of "23/BC-UBND" ranks, in this order: the
// documents read as that number; those read as it with doubt; then, as candidates, the documents
// whose digits are doubtful or unread with the same printed part ("?/BC-UBND", "22/BC-UBND" read
// with doubt), the closer their digits the higher; and the documents read as a number one OCR
// confusion away (a digit misread as a look-alike, one lost or one added). Weights are fixed per
// document, so a document a reader may not see never changes the rank of one they may.
#ifndef LUUTRU_SEARCH_NUMBER_LOOKUP_H_
#define LUUTRU_SEARCH_NUMBER_LOOKUP_H_

#include <string>
#include <string_view>

#include <xapian.h>

#include "catalog/model.h"

namespace luutru::search {

// The term of the documents read as notation key `key`.
std::string NumberTerm(std::string_view key);

// A notation key at its leading number: "23/bc-ubnd" -> "23" and "/bc-ubnd". The leading number is
// what an archivist knows for sure, the printed part what OCR may misread; either may be empty.
struct NumberParts {
  std::string digits;
  std::string printed;
};
NumberParts SplitNumber(std::string_view key);

// The documents with a page read by OCR: only they can hold a misread number.
Xapian::Query ReadByOcr();

// The weighted query of the documents notation key `key` (tokenizers::NotationKey) may name in
// `db`, each weighing as it fits; `also` (the near numbers of Searcher::ResolveNumber) weighs
// least. `candidates` is false when only documents read as `key` or `also` may match: the lookup
// is then `also` alone, unranked, as before candidates existed. Only a number read by OCR can be
// a confusion away: a typed number is what its office wrote.
struct RankedLookup {
  Xapian::Query query;
  bool candidates = false;
};
RankedLookup RankedNumberLookup(const Xapian::Database& db, const std::string& key, const Xapian::Query& also);

// How a document found by a lookup of `key` holds it: "number" when it was read as that number,
// "candidate" otherwise (doubtful or unread digits, or a number a confusion away).
std::string NumberMatch(const catalog::DocumentMetadata& meta, std::string_view key);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_NUMBER_LOOKUP_H_
