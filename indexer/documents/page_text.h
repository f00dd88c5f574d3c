// Page text in reading order from the words of a PDF text layer.
//
// Poppler gives one box per word. Office documents put two blocks side by side in the header
// (issuer on the left, national or Party motto on the right, then "Số: …" beside the place and
// date); read line by line, they interleave ("TỈNH ỦY THÁI BÌNH ĐẢNG CỘNG SẢN VIỆT NAM"). The
// builder groups words into lines, splits a header line where a wide gap separates two columns,
// and emits the whole left block before the right block. Below the header, lines are read top to
// bottom; where the page leaves the space of an empty line between two lines, so does the text
// (the header reader ends a summary there). Words set in legacy 8-bit fonts (.VnTime, VNI-Times)
// are converted to Unicode here, since only the font name tells reliably which words need it.
#ifndef LUUTRU_INDEXER_PAGE_TEXT_H_
#define LUUTRU_INDEXER_PAGE_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "catalog/model.h"

namespace luutru::indexer {

// One word of a PDF text layer as Poppler gives it, in page coordinates (points, origin top
// left); what is kept of it is a catalog::WordBox.
struct TextLayerWord {
  std::string text;  // UTF-8 as the text layer gives it
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string font_name;  // "ABCDEF+TimesNewRomanPSMT", ".VnTime" ...
  bool space_after = true;
};

struct PageText {
  std::string text;          // lines separated by '\n', not yet normalized
  bool legacy_font = false;  // some words were converted from a legacy 8-bit font
};

// `page_width`/`page_height` are the page's size in points. `header_page` is true for a page
// that may start a document (its header blocks are reordered).
PageText BuildPageText(const std::vector<TextLayerWord>& words, double page_width, double page_height,
                       bool header_page);

// Normalizes one page's text-layer text and says where it came from: kLegacyRepaired when words
// were in a legacy font or the text reads as legacy look-alikes, kNone when empty.
catalog::Page AnalyzeTextLayer(const std::string& raw_text, bool legacy_font);

// Text kept of one page. A dense A4 page holds 2,500-5,000 characters (under 12 KB of UTF-8);
// more is a page drawn to be read by no one, and it would make the memory of a run grow with
// the file instead of the batch.
inline constexpr size_t kMaxPageTextBytes = 64 * 1024;
// Text kept of one file: some 3,000 dense pages. It bounds what one file makes the main process
// hold (its pages, then its documents and their index entries), whatever its page count.
inline constexpr size_t kMaxFileTextBytes = 32 << 20;

// Cuts `page`'s text to `limit` bytes at a character boundary, and the word boxes past it.
// Returns the size it had when it was cut, 0 when it fitted.
uint64_t CapPageText(catalog::Page& page, size_t limit = kMaxPageTextBytes);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_PAGE_TEXT_H_
