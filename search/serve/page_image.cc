#include "search/serve/page_image.h"

#include <cairo.h>

#include <cstring>
#include <memory>
#include <vector>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include "tokenizers/normalize.h"
#include "tokenizers/tokenizer.h"

namespace luutru::serve {
namespace {

struct Box {
  double x0, y0, x1, y1;  // PDF points from the top left
};

bool Marked(std::string_view text, const HighlightWords& words, bool ocr) {
  // A box may hold a word with punctuation ("nghèo," or "45-TB/TU"): compare its tokens.
  for (const auto& token : tokenizers::Tokenize(text)) {
    if (words.folded.count(token.folded) || words.exact.count(token.exact)) return true;
    if (ocr && words.exact_folded.count(token.folded)) return true;
  }
  return false;
}

std::vector<Box> TextLayerBoxes(const poppler::page& page, const HighlightWords& words) {
  std::vector<Box> boxes;
  for (const poppler::text_box& tb : page.text_list()) {
    const poppler::byte_array utf8 = tb.text().to_utf8();
    const std::string text(utf8.begin(), utf8.end());
    if (!Marked(text, words, false)) continue;
    const poppler::rectf r = tb.bbox();
    boxes.push_back(Box{r.left(), r.top(), r.right(), r.bottom()});
  }
  return boxes;
}

std::vector<Box> OcrBoxes(const catalog::Page& page, const HighlightWords& words) {
  std::vector<Box> boxes;
  for (const catalog::WordBox& w : page.words) {
    if (Marked(w.text, words, true)) boxes.push_back(Box{w.x0, w.y0, w.x1, w.y1});
  }
  return boxes;
}

cairo_status_t AppendPng(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

HighlightWords WordsToHighlight(std::string_view query) {
  HighlightWords words;
  for (const auto& token : tokenizers::Tokenize(query)) {
    if (token.kind != tokenizers::TokenKind::kWord && token.kind != tokenizers::TokenKind::kNumber) continue;
    const std::string_view typed = query.substr(token.begin, token.end - token.begin);
    if (tokenizers::FoldedForm(typed) == tokenizers::ExactForm(typed)) {
      words.folded.insert(token.folded);
    } else {
      words.exact.insert(token.exact);
      words.exact_folded.insert(token.folded);
    }
  }
  // Field names of the query language ("loai:") are not words to mark.
  for (const char* field : {"so", "number", "loai", "type", "nam", "year", "hoso", "unit", "coquan", "issuer"}) {
    if (query.find(std::string(field) + ":") != std::string_view::npos) words.folded.erase(field);
  }
  return words;
}

std::string RenderPagePng(const catalog::ArchiveDocument& doc, int page_number, double dpi,
                          const HighlightWords& words) {
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(doc.path));
  if (!pdf || pdf->is_locked()) throw PageImageError(doc.file + ": cannot be opened");
  if (page_number < 1 || page_number > pdf->pages()) throw PageImageError(doc.file + ": no such page");
  std::unique_ptr<poppler::page> page(pdf->create_page(page_number - 1));
  if (!page) throw PageImageError(doc.file + ": page cannot be read");

  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
    throw PageImageError(doc.file + ": page cannot be rendered");
  }

  std::vector<Box> boxes;
  if (!words.empty()) {
    const int index = page_number - doc.first_page;
    const catalog::Page* stored =
        index >= 0 && index < static_cast<int>(doc.pages.size()) ? &doc.pages[index] : nullptr;
    if (stored && stored->source == catalog::TextSource::kOcr) {
      boxes = OcrBoxes(*stored, words);
    } else {
      boxes = TextLayerBoxes(*page, words);
    }
  }

  const int width = image.width();
  const int height = image.height();
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> owner(surface, cairo_surface_destroy);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) throw PageImageError("out of memory");
  cairo_surface_flush(surface);
  unsigned char* dst = cairo_image_surface_get_data(surface);
  const int dst_stride = cairo_image_surface_get_stride(surface);
  const char* src = image.const_data();
  const int row_bytes = width * 4;
  for (int y = 0; y < height; ++y) {
    std::memcpy(dst + static_cast<size_t>(y) * dst_stride, src + static_cast<size_t>(y) * image.bytes_per_row(),
                row_bytes);
  }
  cairo_surface_mark_dirty(surface);

  if (!boxes.empty()) {
    cairo_t* cr = cairo_create(surface);
    const double scale = dpi / 72.0;
    cairo_scale(cr, scale, scale);
    for (const Box& b : boxes) {
      const double pad = 1.0;
      cairo_rectangle(cr, b.x0 - pad, b.y0 - pad, (b.x1 - b.x0) + 2 * pad, (b.y1 - b.y0) + 2 * pad);
    }
    // Translucent yellow over the word, so the scan stays readable, with an orange outline that
    // shows even on a yellowed page.
    cairo_set_source_rgba(cr, 1.0, 0.85, 0.0, 0.40);
    cairo_fill_preserve(cr);
    cairo_set_source_rgba(cr, 0.95, 0.45, 0.0, 0.95);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
    cairo_destroy(cr);
  }

  std::string png;
  if (cairo_surface_write_to_png_stream(surface, AppendPng, &png) != CAIRO_STATUS_SUCCESS) {
    throw PageImageError("PNG encoding failed");
  }
  return png;
}

}  // namespace luutru::serve
