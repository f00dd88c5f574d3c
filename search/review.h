// The review list: documents whose number, date, type or issuer is doubtful or unread, for an
// archivist to check against the page and type into the catalog CSV, which always wins over what
// was read.
#ifndef LUUTRU_SEARCH_REVIEW_H_
#define LUUTRU_SEARCH_REVIEW_H_

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "catalog/model.h"

namespace luutru::search {

// The documents with a field to check (catalog::schema::kReview terms).
Xapian::Query ReviewFilter();

// The fields of `meta` to check, in the order "number", "date", "type", "issuer": absent, or
// read with doubt or only in part.
std::vector<std::string> FieldsToReview(const catalog::DocumentMetadata& meta);

// The field's name for a reader: "số", "ngày", "loại", "cơ quan ban hành" (English with `english`).
std::string ReviewFieldName(std::string_view field, bool english);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_REVIEW_H_
