// Splits Vietnamese text into the tokens that are indexed and searched.
//
// Tokenize() is the one analyzer of luutru: the indexer runs it on page text and the search runs
// it on query text, so both sides always agree. It is pure and thread-safe.
#ifndef LUUTRU_TOKENIZERS_TOKENIZER_H_
#define LUUTRU_TOKENIZERS_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace luutru::tokenizers {

enum class TokenKind {
  kWord,      // a syllable or other run of letters: "đảng", "ubnd"
  kNumber,    // a run of digits; leading zeros dropped ("05" -> "5", "0" stays "0")
  kNotation,  // a document number and notation kept whole: "45-tb/tu", "15/qđ-ubnd"; also when
              // typed in lower case in a query, if it has both "-" and "/" ("15/qd-ubnd")
  kDate,      // a calendar date: "2023-03-12"
};

struct Token {
  TokenKind kind;
  std::string exact;   // ExactForm (see normalize.h); notation: NotationKey form with marks
  std::string folded;  // FoldedForm; notation: NotationKey (see notation.h)
  // 1-based word position. kWord and kNumber tokens take consecutive positions; a kNotation or
  // kDate token shares the position of its first part, and its parts are tokens of their own
  // ("45-TB/TU" gives the notation "45-tb/tu" and the tokens "45", "tb", "tu").
  uint32_t position;
  // Byte range of the token in the text given to Tokenize, so a highlighter can mark the
  // original words even when the text was NFD, in the other tone style or in capitals.
  size_t begin;
  size_t end;
};

// Tokens of `text` in order of position (a notation or date before its parts).
std::vector<Token> Tokenize(std::string_view text);

// Only the kWord and kNumber tokens of Tokenize(text), the same ones in the same order, without
// the work of finding notations and dates: for a highlighter that matches words. It keeps the
// forms of the spellings it has seen for later calls on the same thread (bounded).
std::vector<Token> TokenizeWords(std::string_view text);

}  // namespace luutru::tokenizers

#endif  // LUUTRU_TOKENIZERS_TOKENIZER_H_
