// Snippets: a window of a document's text around the searched words, with the document's own
// words marked « ».
//
// Matching runs the analyzer (tokenizers::Tokenize) over the stored page text and compares folded
// forms, so the original spelling is marked even when only the folded form matched ("Đảng" for
// the query "dang"), when the text is NFD, in the other tone style, or in capitals. Xapian's
// MSet::snippet cannot do this: it re-tokenizes with its own rules and knows no folded forms.
#ifndef LUUTRU_SEARCH_SNIPPET_H_
#define LUUTRU_SEARCH_SNIPPET_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.h"
#include "search/query_compiler.h"

namespace luutru::search {

inline constexpr size_t kSnippetChars = 200;

// The best window of about `width` characters on one of `preferred_pages` (file page numbers;
// all pages of the document when empty): most distinct searched words, then exact-form matches,
// then most matches. Adjacent matched words share one pair of marks: «nhà đại đoàn kết».
// Whitespace is collapsed; "… " and " …" show where text was cut. nullopt when `sequences` is
// empty or the document has no text.
std::optional<std::string> MakeSnippet(const catalog::ArchiveDocument& doc, const std::vector<int>& preferred_pages,
                                       const std::vector<MatchSequence>& sequences, size_t width = kSnippetChars);

// Where the index found a searched sequence starting: word `word` (0 = the page's first word) of
// doc.pages[page_index].
struct SnippetAnchor {
  size_t page_index;
  uint32_t word;
  size_t sequence;  // index into `sequences`; of a sequence typed twice, the first
};

// The same snippet as MakeSnippet on the pages of `anchors` (the matches a search hit's positions
// already locate), but only the few words at each anchor are analyzed, not the pages: a hit costs
// its matches instead of its text. Where the words there do not hold the anchored matches, the
// page is analyzed whole. Empty `anchors` (the words matched only in the title): as
// MakeSnippet(doc, {}, ...).
std::optional<std::string> MakeSnippetAt(const catalog::ArchiveDocument& doc, const std::vector<SnippetAnchor>& anchors,
                                         const std::vector<MatchSequence>& sequences, size_t width = kSnippetChars);

}  // namespace luutru::search

#endif  // LUUTRU_SEARCH_SNIPPET_H_
