// Errors of a search that the user must fix: the CLI exits 2 on them, the server answers 400.
//
// They carry what went wrong as data (a kind and the offending text), not as a sentence, so each
// front end words them in the reader's language (see messages.h).
#ifndef LUUTRU_SEARCH_SEARCH_ERROR_H_
#define LUUTRU_SEARCH_SEARCH_ERROR_H_

#include <stdexcept>
#include <string>
#include <vector>

#include "tokenizers/notation.h"

namespace luutru::search {

// A storage unit offered when a code was ambiguous.
struct UnitCandidate {
  std::string code;  // as the archive writes it
  std::string title;
  std::string box;
};

class SearchError : public std::runtime_error {
 public:
  enum class Kind {
    kDatabase,        // detail: the database path; reason: Xapian's message
    kBadNumber,       // detail: what was given to --number / so:; number_problem: why
    kUnknownType,     // detail: what was given to --type / loai:
    kBadDate,         // detail: what was given to --from / --to
    kBadYear,         // detail: what was given to nam:
    kEmptyDateRange,  // detail: "FROM..TO"
    kAmbiguousUnit,   // detail: the code; candidates: the units it could mean
    kEmptyRequest,    // no query and no filter: nothing to search for
    kQueryTooLarge,   // detail: the terms the request needs; reason: the most allowed
  };
  SearchError(Kind kind, std::string detail, std::string reason = {}, std::vector<UnitCandidate> candidates = {})
      : std::runtime_error(detail + (reason.empty() ? "" : ": " + reason)),
        kind_(kind),
        detail_(std::move(detail)),
        reason_(std::move(reason)),
        candidates_(std::move(candidates)) {}

  // kBadNumber: the text given and the part of it that did not parse.
  SearchError(std::string notation, tokenizers::NotationProblem problem)
      : SearchError(Kind::kBadNumber, std::move(notation)) {
    number_problem_ = std::move(problem);
  }

  Kind kind() const { return kind_; }
  const std::string& detail() const { return detail_; }
  const std::string& reason() const { return reason_; }
  const std::vector<UnitCandidate>& candidates() const { return candidates_; }
  const tokenizers::NotationProblem& number_problem() const { return number_problem_; }

 private:
  Kind kind_;
  std::string detail_;
  std::string reason_;
  std::vector<UnitCandidate> candidates_;
  tokenizers::NotationProblem number_problem_;
};

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_SEARCH_ERROR_H_
