// Pages whose content streams show far more text than a page can keep, cut before Poppler reads
// them.
//
// Poppler keeps every character of a page it reads (a hundred bytes or so each): a page whose
// text layer holds 50 MB would take the worker past its memory limit and fail its whole file. A
// page whose decoded content is over kSuspectContentBytes is read with qpdf, operator by
// operator (its first kScannedContentBytes), and when its text-showing operators (Tj, TJ, ', ")
// show more than kMaxShownBytes,
// Poppler is given a one-page PDF holding the same page with its content cut after the operator
// that passed that bound. What is shown after the cut is not indexed; the caller notes the cut
// (the kept text is far over what a page keeps anyway). Pages under the bounds, and any page qpdf
// cannot read, are left to Poppler as they are.
#ifndef LUUTRU_INDEXER_OVERSIZED_PAGE_H_
#define LUUTRU_INDEXER_OVERSIZED_PAGE_H_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace luutru::indexer {

// A page's decoded content bytes over which its text is measured (a dense A4 page of text is
// under 200 KB of content; a vector drawing may reach some MB), and how much of the content is
// read for it: text shown only after its first 16 MiB is left to Poppler uncut.
inline constexpr size_t kSuspectContentBytes = 4 << 20;
inline constexpr size_t kScannedContentBytes = 16 << 20;
// The bytes of strings a page may show before it is cut: twice the text a page keeps when a
// character is one byte, and a bounded load for Poppler (whose cost grows faster than the text
// when the text is drawn over itself).
inline constexpr size_t kMaxShownBytes = 128 << 10;

struct CutPage {
  std::string pdf;           // a one-page PDF: the page, its content cut
  size_t content_bytes = 0;  // the decoded size of the page's whole content
};

class OversizedPages {
 public:
  // Opens `path` with qpdf (quietly) on first use; a file qpdf cannot read has no cut pages.
  explicit OversizedPages(std::filesystem::path path);
  ~OversizedPages();
  OversizedPages(const OversizedPages&) = delete;
  OversizedPages& operator=(const OversizedPages&) = delete;

  // The cut copy of page `index` (0-based) when its content shows more than kMaxShownBytes;
  // std::nullopt otherwise.
  std::optional<CutPage> Cut(int index);

 private:
  struct Document;
  std::filesystem::path path_;
  std::unique_ptr<Document> pdf_;
  bool failed_ = false;
};

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_OVERSIZED_PAGE_H_
