// WriteOfficePdf with cairo's PDF surface and pango layouts.
#include "tests/indexer/test_pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <stdexcept>

namespace luutru::testing {
namespace {

constexpr double kWidth = 595, kHeight = 842;

// Draws `text` with its centre (or left edge when `centre` is false) at x, top at y.
void Draw(cairo_t* cr, const std::string& text, double x, double y, bool bold, bool centre,
          double wrap_width = 0) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font =
      pango_font_description_from_string(bold ? "DejaVu Serif Bold 11" : "DejaVu Serif 11");
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

}  // namespace luutru::testing
