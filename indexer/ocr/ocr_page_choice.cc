// PageNeedsOcr: whether a page's text layer carries its content.
#include <poppler-page.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "indexer/ocr/gray_image.h"
#include "indexer/ocr/ocr.h"

namespace luutru::indexer {
namespace {

// A text layer this long carries a page: a full A4 page of text holds 2,500-5,000 characters,
// a signature stamp 60-160. Such pages skip the rendering probe, which costs a page rendering.
constexpr size_t kFullTextLayer = 1500;

// Visible characters (UTF-8 lead bytes that are not white space or control characters).
size_t VisibleCharacters(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) {
    if ((c > 0x20 && c < 0x7F) || c >= 0xC0) ++n;
  }
  return n;
}

// Fewer image pixels than this cannot hold a readable page (an A4 page at 50 dpi is 241,605;
// scans are 100-300 dpi): a logo, seal or signature image on a typed page, not a scan.
constexpr std::uint64_t kScanPixels = 250'000;

// A page painted at least this much is an image of a page (a scan), not text on paper.
constexpr double kPageImage = 0.5;
// Dark area the text layer's boxes leave unexplained, as a share of the page, above which a page
// image shows content its text layer lacks (a scanned body of text: 2.5-14 % at the probe's dpi).
constexpr double kUnexplainedInk = 0.001;

}  // namespace

bool PageNeedsOcr(const poppler::page& page, std::string_view text_layer,
                  const std::function<std::optional<std::uint64_t>()>& image_pixels) {
  const size_t chars = VisibleCharacters(text_layer);
  if (chars == 0) return true;
  if (chars >= kFullTextLayer) return false;
  if (image_pixels) {
    const std::optional<std::uint64_t> pixels = image_pixels();
    if (pixels && *pixels < kScanPixels) return false;
  }
  // A short text layer over a page image: OCR unless its words account for most of the ink
  // (an invisible OCR layer, or typed text on a painted background).
  const PageCoverage c = MeasureCoverage(page);
  return c.painted >= kPageImage && c.ink_outside_text >= kUnexplainedInk && c.ink_outside_text >= 0.5 * c.ink;
}

}  // namespace luutru::indexer
