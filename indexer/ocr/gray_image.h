// Grey renderings of PDF pages, for OCR and for deciding whether a page needs it.
//
// Poppler's Splash backend draws the page (its /Rotate applied) into an 8-bit grey raster whose
// rows run top to bottom, so pixel (x, y) at `dpi` is the point (x * 72 / dpi, y * 72 / dpi) of
// the page as it is displayed, origin top left.
#ifndef LUUTRU_INDEXER_GRAY_IMAGE_H_
#define LUUTRU_INDEXER_GRAY_IMAGE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace poppler {
class page;
}  // namespace poppler

namespace luutru::indexer {

struct GrayImage {
  int width = 0;
  int height = 0;
  double dpi = 0;
  std::vector<std::uint8_t> pixels;  // width * height bytes, 0 black, 255 white

  std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

// Renders `page` at `dpi` in grey on paper of grey level `paper` (255 = white).
// Throws std::runtime_error when Poppler cannot render it.
GrayImage RenderGray(const poppler::page& page, double dpi, std::uint8_t paper = 255);

// How a page's surface is used, measured on a coarse rendering.
struct PageCoverage {
  double painted = 0;           // share of the page painted opaque (images, fills, glyphs), 0-1
  double ink = 0;               // share of the page that is dark
  double ink_outside_text = 0;  // share of the page that is dark outside the text layer's boxes
};

// Measures `page` at a coarse `dpi`: painted area is where a rendering on white paper and one on
// black paper agree (paper shows through everywhere else).
PageCoverage MeasureCoverage(const poppler::page& page, double dpi = 24);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_GRAY_IMAGE_H_
