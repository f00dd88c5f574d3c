#include "corpus/pdf_render.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "corpus/jpeg_encode.h"
#include "corpus/random.h"
#include "corpus/text_forms.h"

namespace luutru::corpus {
namespace {

constexpr double kPageW = 595.28, kPageH = 841.89;
constexpr double kLeft = 85, kRight = 57, kTop = 57, kBottom = 62;
constexpr double kContentW = kPageW - kLeft - kRight;

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::shared_ptr<PangoLayout>;

struct PlacedLine {
  LayoutPtr layout;
  int line = 0;
  double x = 0, baseline = 0, width = 0, height = 0;
  bool boxed = false, rule = false;
};

struct Page {
  std::vector<PlacedLine> lines;
  std::vector<std::string> texts;  // drawn text, in order
  double seal_x = -1, seal_y = -1;
  Document* doc = nullptr;
};

class Layouter {
 public:
  Layouter() {
    PangoFontMap* fm = pango_cairo_font_map_get_default();
    context_ = pango_font_map_create_context(fm);
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context_, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(context_, 72);
  }
  ~Layouter() { g_object_unref(context_); }

  // Lays out one document starting on a new page.
  void AddDocument(Document* d) {
    first_page_of_doc_ = static_cast<int>(pages_.size());
    NewPage(d);
    for (const Block& b : d->blocks) {
      y_ += b.space_before;
      switch (b.kind) {
        case Block::kColumns:
        case Block::kSignature: Columns(b); break;
        case Block::kTitle: Text(b.line, PANGO_ALIGN_CENTER, false, 0); break;
        case Block::kParagraph: Text(b.line, PANGO_ALIGN_LEFT, true, 28); break;
      }
    }
  }
  std::vector<Page>& pages() { return pages_; }

 private:
  LayoutPtr Make(const Line& l, double width, PangoAlignment align, bool justify, double indent) {
    PangoLayout* layout = pango_layout_new(context_);
    PangoFontDescription* fd = pango_font_description_from_string("Liberation Serif");
    pango_font_description_set_size(fd, static_cast<int>(l.size * PANGO_SCALE));
    if (l.bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    if (l.italic) pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(layout, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
    pango_layout_set_alignment(layout, align);
    pango_layout_set_justify(layout, justify);
    pango_layout_set_indent(layout, static_cast<int>(indent * PANGO_SCALE));
    pango_layout_set_text(layout, l.text.c_str(), -1);
    return LayoutPtr(layout, LayoutDeleter());
  }

  // A line's offset from the layout's left edge, alignment and indent included.
  static double LineOffset(PangoLayout* layout, int i) {
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    for (int k = 0; k < i; ++k) pango_layout_iter_next_line(it);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    pango_layout_iter_free(it);
    return logical.x / double(PANGO_SCALE);
  }

  static std::string LineText(PangoLayout* layout, int i) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout, i);
    std::string s(pango_layout_get_text(layout) + line->start_index, static_cast<size_t>(line->length));
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
    return s;
  }

  void NewPage(Document* d) {
    pages_.emplace_back();
    pages_.back().doc = d;
    y_ = kTop;
    int number = static_cast<int>(pages_.size()) - first_page_of_doc_;
    if (number >= 2) {  // page numbers from the second page, top centre
      Line n{std::to_string(number)};
      n.size = 12;
      LayoutPtr l = Make(n, kContentW, PANGO_ALIGN_CENTER, false, 0);
      Place(l, 0, kLeft + LineOffset(l.get(), 0), y_ - 22 + 12, &pages_.back());
      pages_.back().texts.push_back(n.text);
    }
  }

  void Place(const LayoutPtr& l, int i, double x, double baseline, Page* page, bool boxed = false, bool rule = false) {
    PangoRectangle logical;
    pango_layout_line_get_extents(pango_layout_get_line_readonly(l.get(), i), nullptr, &logical);
    PlacedLine p;
    p.layout = l;
    p.line = i;
    p.x = x;
    p.baseline = baseline;
    p.width = logical.width / double(PANGO_SCALE);
    p.height = logical.height / double(PANGO_SCALE);
    p.boxed = boxed;
    p.rule = rule;
    page->lines.push_back(p);
  }

  // Lines of a layout at the cursor, breaking pages between lines.
  void Text(const Line& l, PangoAlignment align, bool justify, double indent) {
    LayoutPtr layout = Make(l, kContentW, align, justify, indent);
    double lh = l.size * 1.35;
    int n = pango_layout_get_line_count(layout.get());
    for (int i = 0; i < n; ++i) {
      if (y_ + lh > kPageH - kBottom) NewPage(pages_.back().doc);
      double x = kLeft + LineOffset(layout.get(), i);
      Place(layout, i, x, y_ + l.size, &pages_.back());
      pages_.back().texts.push_back(LineText(layout.get(), i));
      y_ += lh;
    }
  }

  // Two columns side by side: the left one, then the right one, in drawing and text order.
  void Columns(const Block& b) {
    const double lx = 45, lw = 215, rx = 262, rw = 320;
    auto height = [&](const std::vector<Line>& lines, double w) {
      double h = 0;
      for (const auto& l : lines) {
        if (l.text.empty()) {
          h += 62;
          continue;
        }
        h += pango_layout_get_line_count(Make(l, w, PANGO_ALIGN_CENTER, false, 0).get()) * l.size * 1.3 +
             (l.boxed ? 6 : 0);
      }
      return h;
    };
    double h = std::max(height(b.left, lw), height(b.right, rw));
    if (y_ + h > kPageH - kBottom) NewPage(pages_.back().doc);
    double top = y_;
    // "Nơi nhận" is set flush left; everything else in a column is centred.
    auto column = [&](const std::vector<Line>& lines, double x0, double w, PangoAlignment align) {
      double y = top;
      for (const auto& l : lines) {
        if (l.text.empty()) {
          pages_.back().seal_x = x0 + w / 2 - 30;
          pages_.back().seal_y = y + 22;
          y += 62;
          continue;
        }
        LayoutPtr layout = Make(l, w, align, false, 0);
        for (int i = 0; i < pango_layout_get_line_count(layout.get()); ++i) {
          double x = x0 + LineOffset(layout.get(), i);
          if (l.boxed) y += 3;
          Place(layout, i, x, y + l.size, &pages_.back(), l.boxed, l.underline_rule);
          pages_.back().texts.push_back(LineText(layout.get(), i));
          y += l.size * 1.3 + (l.boxed ? 3 : 0);
        }
      }
      return y;
    };
    double yl = column(b.left, b.kind == Block::kSignature ? kLeft - 20 : lx, lw,
                       b.kind == Block::kSignature ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
    double yr = column(b.right, rx, rw, PANGO_ALIGN_CENTER);
    y_ = std::max(yl, yr);
  }

  PangoContext* context_;
  std::vector<Page> pages_;
  double y_ = kTop;
  int first_page_of_doc_ = 0;
};

void DrawPage(cairo_t* cr, const Page& page, double ink) {
  cairo_set_source_rgb(cr, ink, ink, ink);
  for (const PlacedLine& p : page.lines) {
    cairo_move_to(cr, p.x, p.baseline);
    pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(p.layout.get(), p.line));
    cairo_set_line_width(cr, 0.7);
    if (p.rule) {
      double w = p.width * 0.6;
      cairo_move_to(cr, p.x + (p.width - w) / 2, p.baseline + 4);
      cairo_line_to(cr, p.x + (p.width + w) / 2, p.baseline + 4);
      cairo_stroke(cr);
    }
    if (p.boxed) {
      cairo_rectangle(cr, p.x - 4, p.baseline - p.height * 0.8 - 1, p.width + 8, p.height + 2);
      cairo_stroke(cr);
    }
  }
}

// A round red seal with a star and ring lettering, and an ink scribble for the signature.
void DrawSeal(cairo_t* cr, double cx, double cy, const std::string& ring, Random& rng) {
  cairo_save(cr);
  cairo_set_source_rgba(cr, 0.05, 0.1, 0.55, 0.9);
  cairo_set_line_width(cr, 1.2);
  cairo_move_to(cr, cx - 10, cy + 10);
  for (int i = 0; i < 5; ++i) cairo_rel_curve_to(cr, 8, -20 - rng.Between(0, 8), 14, 15, 20 + rng.Between(0, 10), -5);
  cairo_stroke(cr);
  cairo_set_source_rgba(cr, 0.85, 0.08, 0.08, 0.72);
  cairo_set_line_width(cr, 2.2);
  cairo_arc(cr, cx, cy, 48, 0, 2 * M_PI);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 1);
  cairo_arc(cr, cx, cy, 33, 0, 2 * M_PI);
  cairo_stroke(cr);
  for (int i = 0; i < 5; ++i) {  // star
    double a = -M_PI / 2 + i * 4 * M_PI / 5;
    double x = cx + 12 * std::cos(a), y = cy + 12 * std::sin(a);
    if (i == 0)
      cairo_move_to(cr, x, y);
    else
      cairo_line_to(cr, x, y);
  }
  cairo_close_path(cr);
  cairo_fill(cr);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size(cr, 7);
  // One glyph at a time around the ring.
  std::vector<std::string> chars;
  for (size_t i = 0; i < ring.size();) {
    size_t len = (ring[i] & 0x80) == 0 ? 1 : (ring[i] & 0xE0) == 0xC0 ? 2 : (ring[i] & 0xF0) == 0xE0 ? 3 : 4;
    chars.push_back(ring.substr(i, len));
    i += len;
  }
  for (size_t i = 0; i < chars.size(); ++i) {
    double a = -M_PI + M_PI * 2 * i / chars.size();
    cairo_save(cr);
    cairo_translate(cr, cx + 40 * std::cos(a), cy + 40 * std::sin(a));
    cairo_rotate(cr, a + M_PI / 2);
    cairo_move_to(cr, -2.5, 2.5);
    cairo_show_text(cr, chars[i].c_str());
    cairo_restore(cr);
  }
  cairo_restore(cr);
}

// Renders a page as a scan and returns a cairo image surface carrying the JPEG as its mime data,
// so the PDF embeds the JPEG at the scan's own resolution.
cairo_surface_t* ScanPage(const Page& page, Random& rng, int dpi, const std::string& seal_ring) {
  int w = static_cast<int>(kPageW / 72 * dpi), h = static_cast<int>(kPageH / 72 * dpi);
  cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(img);
  bool yellow = rng.Chance(0.5);
  double bg_r = yellow ? 0.96 : 0.9, bg_g = yellow ? 0.93 : 0.9, bg_b = yellow ? 0.80 : 0.9;
  cairo_set_source_rgb(cr, bg_r, bg_g, bg_b);
  cairo_paint(cr);
  double skew = (rng.Unit() * 4 - 2) * M_PI / 180;
  cairo_translate(cr, w / 2.0, h / 2.0);
  cairo_rotate(cr, skew);
  cairo_translate(cr, -w / 2.0, -h / 2.0);
  cairo_scale(cr, dpi / 72.0, dpi / 72.0);
  DrawPage(cr, page, 0.12);
  if (page.seal_x >= 0) DrawSeal(cr, page.seal_x, page.seal_y, seal_ring, rng);
  cairo_destroy(cr);
  cairo_surface_flush(img);

  // Blur (1-2-1 horizontally, once) and noise, then JPEG.
  const unsigned char* data = cairo_image_surface_get_data(img);
  int stride = cairo_image_surface_get_stride(img);
  std::vector<unsigned char> rgb(static_cast<size_t>(w) * h * 3);
  int noise = rng.Between(8, 24);
  bool blur = rng.Chance(0.7);
  for (int y = 0; y < h; ++y) {
    const uint32_t* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    unsigned char* out = &rgb[static_cast<size_t>(y) * w * 3];
    for (int x = 0; x < w; ++x) {
      uint32_t c = row[x];
      int r = (c >> 16) & 255, g = (c >> 8) & 255, b = c & 255;
      if (blur && x > 0 && x + 1 < w) {
        uint32_t a = row[x - 1], z = row[x + 1];
        r = (2 * r + ((a >> 16) & 255) + ((z >> 16) & 255)) / 4;
        g = (2 * g + ((a >> 8) & 255) + ((z >> 8) & 255)) / 4;
        b = (2 * b + (a & 255) + (z & 255)) / 4;
      }
      int n = static_cast<int>(rng.Next() % static_cast<uint64_t>(2 * noise + 1)) - noise;
      out[3 * x] = static_cast<unsigned char>(std::clamp(r + n, 0, 255));
      out[3 * x + 1] = static_cast<unsigned char>(std::clamp(g + n, 0, 255));
      out[3 * x + 2] = static_cast<unsigned char>(std::clamp(b + n, 0, 255));
    }
  }
  const std::string jpeg = EncodeJpeg(w, h, 3, rgb.data(), 72);
  auto* copy = static_cast<unsigned char*>(malloc(jpeg.size()));
  std::memcpy(copy, jpeg.data(), jpeg.size());
  cairo_surface_set_mime_data(img, CAIRO_MIME_TYPE_JPEG, copy, jpeg.size(), free, copy);
  return img;
}

std::string StampText(const Document& d) {
  return "Ký bởi: " + d.issuer + "\nCơ quan: " + d.province.substr(d.province.find(' ') + 1) +
         "\nThời gian ký: " + d.date.substr(8, 2) + "/" + d.date.substr(5, 2) + "/" + d.date.substr(0, 4) + " 15:2" +
         std::to_string(d.index % 10) + ":07";
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& t : v) {
    if (!s.empty()) s += '\n';
    s += t;
  }
  return s;
}

}  // namespace

bool RenderPdf(const std::vector<Document*>& docs, const std::string& path, uint64_t seed, std::string* error) {
  Layouter layouter;
  for (Document* d : docs) layouter.AddDocument(d);
  std::vector<Page>& pages = layouter.pages();
  const Document& first = *docs.front();
  bool scanned = first.scanned;
  bool stamp = first.variant == Variant::kScannedStamp;

  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kPageW, kPageH);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    *error = "cannot create " + path;
    cairo_surface_destroy(surface);
    return false;
  }
  // Fixed dates: the same seed must give the same bytes.
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2024-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "luutru-corpus");
  cairo_t* cr = cairo_create(surface);
  Random rng(seed * 31 + static_cast<uint64_t>(first.index) * 1000003);
  int dpi = scanned ? (rng.Chance(0.5) ? 300 : rng.Between(200, 260)) : 0;
  std::string ring;
  for (char c : first.issuer) ring += c;
  for (size_t p = 0; p < pages.size(); ++p) {
    Page& page = pages[p];
    if (!scanned) {
      DrawPage(cr, page, 0.0);
    } else {
      cairo_surface_t* img = ScanPage(page, rng, dpi, ToNfc(page.doc->issuer) + " * ");
      cairo_save(cr);
      cairo_scale(cr, 72.0 / dpi, 72.0 / dpi);
      cairo_set_source_surface(cr, img, 0, 0);
      cairo_paint(cr);
      cairo_restore(cr);
      cairo_surface_destroy(img);
      if (stamp && p == 0) {
        // The digital-signature stamp: a thin, real text layer over the page image.
        PangoLayout* l = pango_cairo_create_layout(cr);
        PangoFontDescription* fd = pango_font_description_from_string("DejaVu Sans 7");
        pango_layout_set_font_description(l, fd);
        pango_font_description_free(fd);
        std::string text = StampText(first);
        pango_layout_set_text(l, text.c_str(), -1);
        cairo_set_source_rgb(cr, 0.1, 0.2, 0.8);
        cairo_rectangle(cr, kPageW - 215, 12, 200, 40);
        cairo_stroke(cr);
        cairo_move_to(cr, kPageW - 211, 15);
        pango_cairo_show_layout(cr, l);
        g_object_unref(l);
        docs.front()->stamp_text = text;
      }
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    *error = std::string("cairo: ") + cairo_status_to_string(status);
    return false;
  }

  // Page ranges and texts, counted from the start of the file.
  for (Document* d : docs) {
    d->pages.clear();
    d->layer_pages.clear();
    d->first_page = 0;
    for (size_t p = 0; p < pages.size(); ++p) {
      if (pages[p].doc != d) continue;
      if (d->first_page == 0) d->first_page = static_cast<int>(p) + 1;
      d->last_page = static_cast<int>(p) + 1;
      std::string drawn = Join(pages[p].texts);
      d->pages.push_back(d->variant == Variant::kTcvn3 ? FromTcvn3LookAlike(drawn) : ToNfc(drawn));
      if (d->scanned) {
        d->layer_pages.push_back(stamp && p == 0 ? d->stamp_text : "");
      } else {
        d->layer_pages.push_back(d->variant == Variant::kTcvn3 ? drawn : ToNfc(drawn));
      }
    }
  }
  return true;
}

}  // namespace luutru::corpus
