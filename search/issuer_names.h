// Issuers as the archive itself names them. OCR reads the capitals of a scanned header with
// noise ("Ủy ban nhân dân tĩnh Quang Ngaài /ct-ubnd"); the same body is named cleanly on its other
// documents, or typed into the catalog. A reading is shown as the known name it is a noisy form
// of: a name the catalog gives, or that at least two documents were read with, that a reader may
// see, whose folded form (marks, case and spaces dropped) is at most a few letters from the
// reading's, a short tail of debris after it allowed ("/ct-ubnd", "Cc").
//
// Runs at search time over the documents the reader may see, so that a name from a document
// above the reader's clearance never shows, and a name typed into the catalog corrects every
// reading at once without indexing anything again. Only the shown name changes: `coquan:`
// filters still match the words that were read.
#ifndef LUUTRU_SEARCH_ISSUER_NAMES_H_
#define LUUTRU_SEARCH_ISSUER_NAMES_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace luutru::search {

// The folded form two spellings of one name share: "Ủy ban nhân dân tỉnh Quảng Ngãi" ->
// "uybannhandantinhquangngai".
std::string FoldedName(std::string_view name);

// The edit distance between the folded names `reading` and `known` (both FoldedName), letting
// `reading` end in up to `tail` letters more than a prefix of it matches (OCR debris after the
// name); -1 when no part of `reading` is close to `known` by that measure (cost over `limit`).
int NameDistance(std::string_view reading, std::string_view known, int tail, int limit);

class IssuerNames {
 public:
  // `visible(query, max)` gives up to `max` documents matching `query` that the reader may see,
  // ranked by how many of its terms they hold (no collection statistics: documents the reader
  // may not see change nothing).
  using Visible = std::function<Xapian::MSet(const Xapian::Query&, Xapian::doccount)>;
  explicit IssuerNames(Visible visible) : visible_(std::move(visible)) {}

  // The known name `reading` is a noisy form of; nullopt when it is known itself or none is close.
  std::optional<std::string> Known(const std::string& reading);

 private:
  Visible visible_;
  std::map<std::string, std::optional<std::string>> cache_;  // one look-up per distinct reading
};

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_ISSUER_NAMES_H_
