// PageNeedsOcr on pages drawn with cairo: born-digital text, page images with and without a
// stamp line, and text typed on a painted background.
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "indexer/ocr/ocr.h"
#include "indexer/ocr/pdf_images.h"

namespace luutru::indexer {
namespace {

constexpr double kA4Width = 595, kA4Height = 842;

const char* const kBody[] = {
    "Thực hiện Công văn số 5633/VPCP-KSTT ngày 25/7/2023 của Văn phòng Chính phủ,",
    "Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện công tác cải cách thủ tục hành chính",
    "trong tháng 01 năm 2025 như sau: đánh giá tác động và thẩm định thủ tục hành chính",
    "trong dự án, dự thảo văn bản quy phạm pháp luật có quy định thủ tục hành chính.",
};

// Lines of body text, as a typed page would carry them.
void DrawBody(cairo_t* cr, double scale, int lines) {
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_select_font_face(cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 11 * scale);
  for (int i = 0; i < lines; ++i) {
    cairo_move_to(cr, 60 * scale, (90 + 18 * i) * scale);
    cairo_show_text(cr, kBody[i % 4]);
  }
}

// A scan of a typed page: the text drawn into a 150 dpi bitmap that fills the page.
void PaintScan(cairo_t* cr, int lines) {
  const double scale = 150.0 / 72;
  cairo_surface_t* scan = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(kA4Width * scale),
                                                     static_cast<int>(kA4Height * scale));
  cairo_t* s = cairo_create(scan);
  cairo_set_source_rgb(s, 0.97, 0.97, 0.95);  // scanner paper is never pure white
  cairo_paint(s);
  DrawBody(s, scale, lines);
  cairo_destroy(s);
  cairo_save(cr);
  cairo_scale(cr, 1 / scale, 1 / scale);
  cairo_set_source_surface(cr, scan, 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(scan);
}

// The e-signature stamp a publishing portal writes into the text layer of page 1.
void DrawStamp(cairo_t* cr) {
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.6);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 6);
  const char* const stamp[] = {"Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi", "Cơ quan: Tỉnh Quảng Ngãi",
                               "Thời gian ký: 03.02.2025 14:23:43 +07:00"};
  for (int i = 0; i < 3; ++i) {
    cairo_move_to(cr, 420, 20 + 8 * i);
    cairo_show_text(cr, stamp[i]);
  }
}

// Cairo and fontconfig keep font caches for the life of the process; releasing them at the end
// lets the leak checker of the sanitizer build see only real leaks.
class ReleaseFontCaches : public ::testing::Environment {
 public:
  void TearDown() override {
    cairo_debug_reset_static_data();
    FcFini();
  }
};
const auto* const kReleaseFontCaches = ::testing::AddGlobalTestEnvironment(new ReleaseFontCaches);

class PageChoiceTest : public ::testing::Test {
 protected:
  void TearDown() override {
    if (!path_.empty()) std::filesystem::remove(path_);
  }

  // Draws a one-page PDF and reports PageNeedsOcr for it, given its own text layer. The
  // decision must be the same whether the image census may settle it or the page is rendered.
  bool NeedsOcr(const std::function<void(cairo_t*)>& draw) {
    path_ = std::filesystem::temp_directory_path() /
            ("luutru-page-choice-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".pdf");
    cairo_surface_t* pdf = cairo_pdf_surface_create(path_.c_str(), kA4Width, kA4Height);
    cairo_t* cr = cairo_create(pdf);
    draw(cr);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(pdf);

    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path_.string()));
    EXPECT_TRUE(doc);
    if (!doc) return false;
    std::unique_ptr<poppler::page> page(doc->create_page(0));
    const poppler::byte_array utf8 = page->text().to_utf8();
    const std::string text(utf8.begin(), utf8.end());
    const PdfImageCensus census(path_);
    bool asked = false;
    const bool with_census = PageNeedsOcr(*page, text, [&]() -> std::optional<std::uint64_t> {
      asked = true;
      return census.ImagePixels(0);
    });
    const bool rendered = PageNeedsOcr(*page, text);
    EXPECT_EQ(with_census, rendered) << "image pixels " << census.ImagePixels(0);
    census_asked_ = asked;
    return rendered;
  }

  std::uint64_t ImagePixels() const { return PdfImageCensus(path_).ImagePixels(0); }
  bool census_asked_ = false;

  std::filesystem::path path_;
};

TEST_F(PageChoiceTest, TypedPageDoesNot) {
  EXPECT_FALSE(NeedsOcr([](cairo_t* cr) { DrawBody(cr, 1, 12); }));
}

TEST_F(PageChoiceTest, ShortTypedPageWithSmallImageDoesNot) {
  EXPECT_FALSE(NeedsOcr([](cairo_t* cr) {
    DrawBody(cr, 1, 2);
    cairo_set_source_rgb(cr, 0.8, 0.1, 0.1);  // a seal or logo
    cairo_arc(cr, 450, 600, 50, 0, 6.3);
    cairo_fill(cr);
  }));
}

// A raster logo or seal: too few pixels to be a scan, so the census settles the page.
TEST_F(PageChoiceTest, ShortTypedPageWithRasterLogoDoesNot) {
  EXPECT_FALSE(NeedsOcr([](cairo_t* cr) {
    DrawBody(cr, 1, 2);
    cairo_surface_t* logo = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 200, 200);
    cairo_t* l = cairo_create(logo);
    cairo_set_source_rgb(l, 0.8, 0.1, 0.1);
    cairo_paint(l);
    cairo_destroy(l);
    cairo_set_source_surface(cr, logo, 400, 500);
    cairo_paint(cr);
    cairo_surface_destroy(logo);
  }));
  EXPECT_TRUE(census_asked_);
  EXPECT_EQ(ImagePixels(), 200u * 200u);
}

TEST_F(PageChoiceTest, CensusCountsTheScansPixels) {
  EXPECT_TRUE(NeedsOcr([](cairo_t* cr) {
    PaintScan(cr, 3);
    DrawStamp(cr);
  }));
  EXPECT_TRUE(census_asked_);
  // 150 dpi over A4 (595 x 842 points).
  EXPECT_EQ(ImagePixels(), static_cast<std::uint64_t>(595 * 150 / 72) * (842 * 150 / 72));
}

TEST_F(PageChoiceTest, FullTypedPageNeedsNoCensus) {
  EXPECT_FALSE(NeedsOcr([](cairo_t* cr) { DrawBody(cr, 1, 40); }));
  EXPECT_FALSE(census_asked_);
}

TEST_F(PageChoiceTest, ScanWithoutTextLayerDoes) {
  EXPECT_TRUE(NeedsOcr([](cairo_t* cr) { PaintScan(cr, 30); }));
}

TEST_F(PageChoiceTest, ScanUnderSignatureStampDoes) {
  EXPECT_TRUE(NeedsOcr([](cairo_t* cr) {
    PaintScan(cr, 30);
    DrawStamp(cr);
  }));
}

TEST_F(PageChoiceTest, ScanWithFewLinesUnderStampDoes) {
  EXPECT_TRUE(NeedsOcr([](cairo_t* cr) {
    PaintScan(cr, 3);
    DrawStamp(cr);
  }));
}

TEST_F(PageChoiceTest, TextTypedOnPaintedBackgroundDoesNot) {
  EXPECT_FALSE(NeedsOcr([](cairo_t* cr) {
    cairo_set_source_rgb(cr, 1, 1, 0.94);  // a page-sized coloured background
    cairo_paint(cr);
    DrawBody(cr, 1, 12);
  }));
}

TEST_F(PageChoiceTest, EmptyPageDoes) {
  // Nothing in the text layer: nothing to index unless OCR finds something.
  EXPECT_TRUE(NeedsOcr([](cairo_t*) {}));
}

}  // namespace
}  // namespace luutru::indexer
