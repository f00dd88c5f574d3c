// Internal: text cut into pieces (runs of letters, runs of digits) and the recognisers of
// compounds made of several pieces (document notations, dates). Shared by Tokenize and
// ParseNotation so the index and the query read notations the same way.
#ifndef LUUTRU_TOKENIZERS_PIECES_H_
#define LUUTRU_TOKENIZERS_PIECES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizers/notation.h"

namespace luutru::tokenizers::internal {

struct Piece {
  bool number = false;  // a run of decimal digits; otherwise a run of letters (with marks)
  size_t cp_begin = 0;  // code point range in the decoded text
  size_t cp_end = 0;
  size_t byte_begin = 0;  // byte range in the UTF-8 given to PieceText
  size_t byte_end = 0;
  std::string exact;   // ExactForm; a number without leading zeros
  std::string folded;  // FoldedForm
};

class PieceText {
 public:
  // Decodes `utf8` and cuts it into pieces. Runs of combining marks with no letter before them
  // are not pieces. `remember_spellings` keeps the forms of each spelling for the next texts of
  // this thread: for a reader of many pages with one vocabulary (snippets of a search).
  explicit PieceText(std::string_view utf8, bool remember_spellings = false);

  const std::u32string& text() const { return text_; }
  const std::vector<Piece>& pieces() const { return pieces_; }
  std::vector<Piece>& mutable_pieces() { return pieces_; }
  // The code points between piece i and piece i + 1 (or the end of the text).
  std::u32string_view GapAfter(size_t i) const;

 private:
  std::u32string text_;
  std::vector<Piece> pieces_;
};

// A compound found at a piece: it spans pieces [first, last].
struct Compound {
  size_t first = 0;
  size_t last = 0;
  std::string exact;   // notation with marks "15/qđ-ubnd"; date "2023-03-12"
  std::string folded;  // notation key "15/qd-ubnd"; date "2023-03-12"
  std::string text;    // notation as written, normalized, spaces removed: "15/QĐ-UBND"
  bool party = false;
};

// Where MatchNotation stopped when it found no notation: the part and the piece it was reading
// (pieces().size() when the text ended first).
struct NotationStop {
  NotationProblem::Part part = NotationProblem::Part::kNumber;
  size_t piece = 0;
};

// `whole_text`: the text is meant to be one notation (ParseNotation), so lower-case
// abbreviations are taken in any shape and the government's older dash form ("02-CP") needs no
// context; in running text lower case only in unmistakable shapes, and the dash form only after
// "số" or a document type's name ("Nghị định 02-CP"), so "phòng 12-AB" stays ordinary text.
// `stop`, when given, is set when nothing is found.
std::optional<Compound> MatchNotation(const PieceText& t, size_t i, bool whole_text = false,
                                      NotationStop* stop = nullptr);
std::optional<Compound> MatchDate(const PieceText& t, size_t i);

}  // namespace luutru::tokenizers::internal

#endif  // LUUTRU_TOKENIZERS_PIECES_H_
