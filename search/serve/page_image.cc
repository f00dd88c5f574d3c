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

// A word box of the page and what it says.
struct WordOnPage {
  Box box;
  std::string text;
};

std::vector<WordOnPage> TextLayerWords(const poppler::page& page) {
  std::vector<WordOnPage> words;
  for (const poppler::text_box& tb : page.text_list()) {
    const poppler::byte_array utf8 = tb.text().to_utf8();
    const poppler::rectf r = tb.bbox();
    words.push_back(WordOnPage{Box{r.left(), r.top(), r.right(), r.bottom()}, std::string(utf8.begin(), utf8.end())});
  }
  return words;
}

std::vector<WordOnPage> OcrWords(const catalog::Page& page) {
  std::vector<WordOnPage> words;
  for (const catalog::WordBox& w : page.words) words.push_back(WordOnPage{Box{w.x0, w.y0, w.x1, w.y1}, w.text});
  return words;
}

// The boxes of every place where a whole run of `runs` stands, whatever boxes and punctuation
// lie between; empty when none does. Words compare as in Marked(): a word typed with marks only
// where so spelled, except on an OCR page.
std::vector<Box> RunBoxes(const std::vector<WordOnPage>& words, const std::vector<search::MatchSequence>& runs,
                          bool ocr) {
  struct Word {
    std::string folded;
    std::string exact;
    size_t box;
  };
  std::vector<Word> tokens;
  for (size_t i = 0; i < words.size(); ++i) {
    for (const auto& token : tokenizers::Tokenize(words[i].text)) {
      if (token.kind == tokenizers::TokenKind::kWord || token.kind == tokenizers::TokenKind::kNumber) {
        tokens.push_back(Word{token.folded, token.exact, i});
      }
    }
  }
  std::vector<bool> marked(words.size(), false);
  bool any = false;
  for (size_t start = 0; start < tokens.size(); ++start) {
    for (const search::MatchSequence& run : runs) {
      const auto& w = run.words;
      if (w.empty() || start + w.size() > tokens.size()) continue;
      bool whole = true;
      for (size_t k = 0; k < w.size() && whole; ++k) {
        const Word& t = tokens[start + k];
        whole = t.folded == w[k].folded && (ocr || !w[k].marked || t.exact == w[k].exact);
      }
      if (!whole) continue;
      any = true;
      for (size_t k = 0; k < w.size(); ++k) marked[tokens[start + k].box] = true;
    }
  }
  std::vector<Box> boxes;
  if (!any) return boxes;
  for (size_t i = 0; i < words.size(); ++i) {
    if (marked[i]) boxes.push_back(words[i].box);
  }
  return boxes;
}

std::vector<Box> MarkedBoxes(const std::vector<WordOnPage>& words, const HighlightWords& highlight, bool ocr) {
  std::vector<Box> boxes = RunBoxes(words, highlight.runs, ocr);
  if (!boxes.empty()) return boxes;
  for (const WordOnPage& w : words) {
    if (Marked(w.text, highlight, ocr)) boxes.push_back(w.box);
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

std::string RenderPagePng(const catalog::ArchiveDocument& doc, int page_number, double dpi, const HighlightWords& words,
                          const std::string& watermark) {
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
    const bool ocr = stored && stored->source == catalog::TextSource::kOcr;
    boxes = MarkedBoxes(ocr ? OcrWords(*stored) : TextLayerWords(*page), words, ocr);
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

  if (!watermark.empty()) {
    // Light grey, diagonal, every few centimetres: legible on a copy, not over the text's ink.
    cairo_t* cr = cairo_create(surface);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, std::max(8.0, dpi / 8.0));
    cairo_set_source_rgba(cr, 0.55, 0.1, 0.1, 0.16);
    const double step = dpi * 2.2;
    for (double y = step / 2; y < height + step; y += step) {
      for (double x = -step; x < width; x += step * 2.5) {
        cairo_save(cr);
        cairo_move_to(cr, x, y);
        cairo_rotate(cr, -0.5);
        cairo_show_text(cr, watermark.c_str());
        cairo_restore(cr);
      }
    }
    cairo_destroy(cr);
  }

  std::string png;
  if (cairo_surface_write_to_png_stream(surface, AppendPng, &png) != CAIRO_STATUS_SUCCESS) {
    throw PageImageError("PNG encoding failed");
  }
  return png;
}

}  // namespace luutru::serve
