// Pre-extracted documents, one JSON object a line (docs/contract.md, luutru-index --jsonl):
// {"file", "unit_code", "unit_title", "fonds", "inventory", "box", "doc_number", "doc_date",
//  "doc_type", "issuer", "title", "secrecy", "urgency", "page_range"?, "pages": [...]}.
// Their text goes through the same analysis as a PDF's: legacy repair, normalization, header
// metadata where a field is absent, then the given fields override as catalog values do. Without
// "unit_code" the storage unit is the file's folder, as for a PDF without a catalog row.
#ifndef LUUTRU_INDEXER_JSONL_INPUT_H_
#define LUUTRU_INDEXER_JSONL_INPUT_H_

#include <string_view>
#include <vector>

#include "catalog/model.h"

namespace luutru::indexer {

// Throws std::runtime_error naming the problem (bad JSON, no "file", "pages" not a list, a
// "file" that leaves the archive (absolute, or climbing out with ".."), a "page_range" that ends
// before it starts or does not hold as many pages as "pages" ...). A page's text over
// kMaxPageTextBytes is cut; `cut_pages` (if given) receives those pages' numbers.
catalog::ArchiveDocument ParseJsonlDocument(std::string_view line, std::vector<int>* cut_pages = nullptr);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_JSONL_INPUT_H_
