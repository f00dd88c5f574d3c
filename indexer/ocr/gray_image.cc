#include "indexer/ocr/gray_image.h"

#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace luutru::indexer {
namespace {

// Grey levels below this count as ink: printed or written strokes, not paper tint or scan noise.
constexpr int kInkLevel = 160;
// Two renderings closer than this at a pixel both show something painted there, not the paper.
constexpr int kPaintedTolerance = 24;

}  // namespace

GrayImage RenderGray(const poppler::page& page, double dpi, std::uint8_t paper) {
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
  const poppler::argb p = paper;
  renderer.set_paper_color(0xff000000u | (p << 16) | (p << 8) | p);
  poppler::image raster = renderer.render_page(&page, dpi, dpi);
  if (!raster.is_valid() || raster.format() != poppler::image::format_gray8) {
    throw std::runtime_error("Poppler could not render the page");
  }
  GrayImage out;
  out.width = raster.width();
  out.height = raster.height();
  out.dpi = dpi;
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  const char* src = raster.const_data();
  for (int y = 0; y < out.height; ++y) {
    std::memcpy(out.pixels.data() + static_cast<size_t>(y) * out.width,
                src + static_cast<size_t>(y) * raster.bytes_per_row(), out.width);
  }
  return out;
}

PageCoverage MeasureCoverage(const poppler::page& page, double dpi) {
  const GrayImage on_white = RenderGray(page, dpi, 255);
  const GrayImage on_black = RenderGray(page, dpi, 0);
  PageCoverage coverage;
  if (on_white.width == 0 || on_white.height == 0 || on_white.width != on_black.width ||
      on_white.height != on_black.height) {
    return coverage;
  }
  const int w = on_white.width, h = on_white.height;

  // The text layer's word boxes, grown by a pixel so anti-aliased glyph edges count as inside.
  std::vector<std::uint8_t> in_text(static_cast<size_t>(w) * h, 0);
  const double scale = dpi / 72.0;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::rectf r = box.bbox();
    const int x0 = std::max(0, static_cast<int>(std::floor(r.left() * scale)) - 1);
    const int y0 = std::max(0, static_cast<int>(std::floor(r.top() * scale)) - 1);
    const int x1 = std::min(w - 1, static_cast<int>(std::ceil(r.right() * scale)) + 1);
    const int y1 = std::min(h - 1, static_cast<int>(std::ceil(r.bottom() * scale)) + 1);
    for (int y = y0; y <= y1; ++y) {
      std::memset(in_text.data() + static_cast<size_t>(y) * w + x0, 1, static_cast<size_t>(std::max(0, x1 - x0 + 1)));
    }
  }

  size_t painted = 0, ink = 0, ink_outside = 0;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const int white = on_white.at(x, y);
      if (std::abs(white - on_black.at(x, y)) <= kPaintedTolerance) ++painted;
      if (white < kInkLevel) {
        ++ink;
        if (!in_text[static_cast<size_t>(y) * w + x]) ++ink_outside;
      }
    }
  }
  const double area = static_cast<double>(w) * h;
  coverage.painted = painted / area;
  coverage.ink = ink / area;
  coverage.ink_outside_text = ink_outside / area;
  return coverage;
}

}  // namespace luutru::indexer
