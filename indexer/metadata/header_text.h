// Small text helpers shared by the header metadata parts: words, letter case, folding.
// Internal to luutru_header_metadata.
#ifndef LUUTRU_INDEXER_HEADER_TEXT_H_
#define LUUTRU_INDEXER_HEADER_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace luutru::indexer::header_text {

std::string Fold(std::string_view s);  // tokenizers::FoldedForm
std::string Trim(std::string_view s);
std::vector<std::string> Words(std::string_view s);  // split on white space
std::string Join(const std::vector<std::string>& words, size_t from = 0, size_t to = std::string::npos);
bool StartsWith(std::string_view s, std::string_view prefix);

struct CaseCount {
  int upper = 0;
  int lower = 0;
};
CaseCount CountCase(std::string_view s);  // by Unicode properties
bool HasLetters(std::string_view s);
// Capitals: some upper-case letters and no lower-case ones ("TỈNH", "12/QĐ-UBND").
bool IsUpperWord(std::string_view s);
std::string ToLower(std::string_view s);  // Vietnamese case mapping
std::string ToTitle(std::string_view s);  // "QUẢNG" -> "Quảng"

}  // namespace luutru::indexer::header_text

#endif  // LUUTRU_INDEXER_HEADER_TEXT_H_
