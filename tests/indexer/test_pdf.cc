// WriteOfficePdf with cairo's PDF surface and pango layouts.
#include "tests/indexer/test_pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace luutru::testing {
namespace {

constexpr double kWidth = 595, kHeight = 842;

// Draws `text` with its centre (or left edge when `centre` is false) at x, top at y.
void Draw(cairo_t* cr, const std::string& text, double x, double y, bool bold, bool centre, double wrap_width = 0) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string(bold ? "DejaVu Serif Bold 11" : "DejaVu Serif 11");
  pango_layout_set_font_description(layout, font);
  if (wrap_width > 0) pango_layout_set_width(layout, static_cast<int>(wrap_width * PANGO_SCALE));
  pango_layout_set_text(layout, text.c_str(), -1);
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  cairo_move_to(cr, centre ? x - w / 2.0 : x, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
}

}  // namespace

void WriteOfficePdf(const std::filesystem::path& path, const OfficeDocument& doc) {
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error("cannot create " + path.string());
  }
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0, 0, 0);
  // Header: issuer block centred on the left quarter, motto block on the right.
  Draw(cr, doc.issuer_parent, 150, 50, false, true);
  Draw(cr, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 400, 50, true, true);
  Draw(cr, doc.issuer, 150, 66, true, true);
  Draw(cr, "Độc lập - Tự do - Hạnh phúc", 400, 66, true, true);
  Draw(cr, "Số: " + doc.number, 150, 96, false, true);
  Draw(cr, doc.place_date, 400, 96, false, true);
  Draw(cr, doc.type, kWidth / 2, 140, true, true);
  Draw(cr, doc.title, kWidth / 2, 158, true, true);
  for (size_t i = 0; i < doc.body_pages.size(); ++i) {
    if (i > 0) cairo_show_page(cr);
    Draw(cr, doc.body_pages[i], 70, i == 0 ? 200 : 70, false, false, kWidth - 140);
  }
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot write " + path.string());
}

void WriteBarePdf(const std::filesystem::path& path, int pages, const std::string& content) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  // 1 catalog, 2 page tree, 3 font, 4 content, then the pages from 5.
  object("<</Type/Catalog/Pages 2 0 R>>");
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(5 + i) + " 0 R ";
  object("<</Type/Pages/Kids[" + kids + "]/Count " + std::to_string(pages) + ">>");
  object("<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>");
  object("<</Length " + std::to_string(content.size()) + ">>\nstream\n" + content + "\nendstream");
  const std::string contents = content.empty() ? "" : "/Contents 4 0 R";
  for (int i = 0; i < pages; ++i) {
    object("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 3 0 R>>>>" + contents + ">>");
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer<</Size " + std::to_string(offsets.size() + 1) + "/Root 1 0 R>>\nstartxref\n" + std::to_string(xref) +
         "\n%%EOF\n";
  std::ofstream(path, std::ios::binary) << pdf;
}

}  // namespace luutru::testing
