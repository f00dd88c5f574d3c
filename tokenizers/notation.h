// Document numbers and notations ("số và ký hiệu"): 45-TB/TU, 15/QĐ-UBND, 30/2020/NĐ-CP.
//
// The key of a notation is what two spellings of the same number share, however they were typed
// or read by OCR: "Số: 05/CT-UBND", "5/CT-UBND", "05 / CT - UBND", "05/CT-UBND" (with Ð U+00D0)
// and "45-TB/TU", "45 - TB/TU" give the same key. Keys are folded ("qđ" -> "qd"), lower case,
// without spaces, without leading zeros in numbers.
#ifndef LUUTRU_TOKENIZERS_NOTATION_H_
#define LUUTRU_TOKENIZERS_NOTATION_H_

#include <optional>
#include <string>
#include <string_view>

namespace luutru::tokenizers {

struct Notation {
  std::string text;  // as written, normalized (NFC, Ð -> Đ, spaces removed): "05/CT-UBND"
  std::string key;   // "5/ct-ubnd"
  bool party;        // Party style "45-TB/TU" (number, hyphen, type); false for state style
};

// Parses one notation, with or without a leading "Số"/"Số:" (also OCR's "S6", "Sô", "So").
// Returns nullopt when `text` is not a notation.
std::optional<Notation> ParseNotation(std::string_view text);

// ParseNotation(text)->key, or nullopt.
std::optional<std::string> NotationKey(std::string_view text);

}  // namespace luutru::tokenizers

#endif  // LUUTRU_TOKENIZERS_NOTATION_H_
