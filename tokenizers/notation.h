// Document numbers and notations ("số và ký hiệu"), as archives hold them from 1945 to today:
// 45-TB/TU, 15/QĐ-UBND, 30/2020/NĐ-CP, the government's older 02-CP, 120-BYT-TC3, 273-BYT/NĐ,
// numbers with a letter (276a/QĐ-UBDT) and offices' dotted and slashed suffixes (10/2004/QĐ.UB,
// 1125/QĐ-UBND.HC, 08/2004/QĐ-BNN/TY). docs/notation.md gives the grammar.
//
// The key of a notation is what two spellings of the same number share, however they were typed
// or read by OCR: "Số: 05/CT-UBND", "5/CT-UBND", "05 / CT - UBND", "05/CT-UBND" (with Ð U+00D0)
// and "45-TB/TU", "45 - TB/TU" give the same key. Keys are folded ("qđ" -> "qd"), lower case,
// without spaces, without leading zeros in numbers; the separators are kept as written ("-", "/",
// ".").
#ifndef LUUTRU_TOKENIZERS_NOTATION_H_
#define LUUTRU_TOKENIZERS_NOTATION_H_

#include <optional>
#include <string>
#include <string_view>

namespace luutru::tokenizers {

struct Notation {
  std::string text;  // as written, normalized (NFC, Ð -> Đ, spaces removed): "05/CT-UBND"
  std::string key;   // "5/ct-ubnd"
  bool party;        // Party style "45-TB/TU" (number, hyphen, type, slash); false otherwise
};

// Why a text is not a notation: the first part that did not parse, and that part as written.
struct NotationProblem {
  enum class Part {
    kNumber,     // no number of 1 to 5 digits at the start ("", "Số", "ngày 05/CT-UBND")
    kSeparator,  // the number is not followed by "/" or "-" ("Số: 05", "05 CT-UBND")
    kYear,       // a number after "/" is not a year (or sub-number) followed by "/" ("1/2", "5/20233/")
    kSymbol,     // a group of the ký hiệu is not an abbreviation ("5/luật", "12-A"), or is missing
    kTrailing,   // a whole notation, then more ("15/QĐ-UBND và", "05/CT-UBND/")
  };
  Part part = Part::kNumber;
  std::string text;  // the offending part as written, trimmed; empty when the part is missing
};

// Parses one notation, with or without a leading "Số"/"Số:" (also OCR's "S6", "Sô", "So").
// Returns nullopt when `text` is not a notation, and then, when `problem` is given, says why.
std::optional<Notation> ParseNotation(std::string_view text, NotationProblem* problem = nullptr);

// ParseNotation(text)->key, or nullopt.
std::optional<std::string> NotationKey(std::string_view text);

}  // namespace luutru::tokenizers

#endif  // LUUTRU_TOKENIZERS_NOTATION_H_
