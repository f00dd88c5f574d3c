// The three presentations of a SearchResponse: JSON (the contract in docs/contract.md, for programs
// and the server), a table readable in 80 columns (for the archivist at a terminal), and CSV
// (RFC 4180, to paste into a retrieval-request sheet).
#ifndef LUUTRU_SEARCH_OUTPUT_H_
#define LUUTRU_SEARCH_OUTPUT_H_

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/messages.h"
#include "search/searcher.h"

namespace luutru::search {

// {"query", "total", "total_is_estimate", "results": [...]}, fields in the order of the contract;
// unknown fields are null. When the
// total is 0 it also carries "suggestion" (string or null), "blocking_filters" (option names)
// and "unit_not_found" (bool). "near_numbers" lists, in capitals, the near numbers a number
// lookup also matched (SearchResponse::near_numbers), only when there are some.
// ToJsonText is that JSON as text on one line, as `--format json` prints it; it is written
// straight from the response, without building a tree. Strings that are not valid UTF-8 (an old
// file name) carry U+FFFD in place of each ill-formed sequence.
std::string ToJsonText(const SearchResponse& response);
// Writes ToJsonText(response) to `out`, without the copy into a string.
void WriteJson(std::ostream& out, const SearchResponse& response);
std::string DocumentToJsonText(const DocumentHit& hit);
// The same JSON as a tree, for callers that add to it (the server).
nlohmann::ordered_json ToJson(const SearchResponse& response);
nlohmann::ordered_json DocumentToJson(const DocumentHit& hit);

// `width` is the terminal width in columns (80 unless the terminal says otherwise).
void WriteTable(std::ostream& out, const SearchResponse& response, Lang lang, size_t width = 80);

// A header row, then one row per document (per unit when grouped), CRLF line ends.
void WriteCsv(std::ostream& out, const SearchResponse& response, Lang lang);

// One RFC 4180 row, CRLF ended: for other CSV answers of the same program (the pull slip).
void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields);

// The hints of a search that found nothing, one sentence a line (suggestion, emptying filter).
std::string ZeroResultHints(const SearchResponse& response, Lang lang);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_OUTPUT_H_
