// A page of an archived PDF as a PNG, with the words that match a query marked on it.
//
// The page is rendered by Poppler; the boxes come from the PDF's text layer (a born-digital page,
// or one whose legacy-font text was repaired) or from the OCR word boxes stored in the index (a
// scanned page), so an archivist sees the scan itself with the hit marked. Words are compared in
// as the search matches them: a word typed without marks matches any spelling ("vi nguoi ngheo"
// marks "Vì người nghèo"); a word typed with marks matches its exact spelling on a text layer, and
// any spelling on an OCR page, where Tesseract may have dropped the marks.
#ifndef LUUTRU_SEARCH_SERVE_PAGE_IMAGE_H_
#define LUUTRU_SEARCH_SERVE_PAGE_IMAGE_H_

#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include "catalog/model.h"
#include "search/query_compiler.h"

namespace luutru::serve {

// The PDF cannot be opened or the page rendered (the file moved, or is damaged).
class PageImageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The words and numbers of a query, as the highlighter compares them.
struct HighlightWords {
  std::set<std::string> folded;        // typed without marks: FoldedForm
  std::set<std::string> exact;         // typed with marks: ExactForm
  std::set<std::string> exact_folded;  // FoldedForm of `exact`, for OCR pages
  // The query's concepts (search::Searcher::Concepts): a page that holds one of them whole has
  // only those runs marked, never a lone syllable of them; any other page has every word marked
  // (a document holding the words apart).
  std::vector<search::MatchSequence> runs;
  bool empty() const { return folded.empty() && exact.empty(); }
};
HighlightWords WordsToHighlight(std::string_view query);

// PNG bytes of page `page` (counted from the start of the file; must lie in the document's
// page range) at `dpi`, with every word in `words` marked. A non-empty `watermark` is written
// lightly across the page, repeated, so any part of a copy names it. Throws PageImageError.
std::string RenderPagePng(const catalog::ArchiveDocument& doc, int page, double dpi, const HighlightWords& words,
                          const std::string& watermark = {});

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_PAGE_IMAGE_H_
