// The scan's own image (EmbeddedImages) on generated one-page PDFs whose image is drawn upright,
// turned, mirrored, on a /Rotate page or with something over it; and OcrEngine reading such a
// page from that image with the same words, and word boxes in page points, as from a rendering.
#include <cairo.h>
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "corpus/jpeg_encode.h"
#include "indexer/ocr/embedded_image.h"
#include "indexer/ocr/gray_image.h"
#include "indexer/ocr/ocr.h"
#include "tests/ocr/ocr_word_match.h"
#include "tests/test_support.h"

namespace luutru::indexer {
namespace {

constexpr double kDpi = 150;
constexpr int kA4Width = 595, kA4Height = 842;

const char* const kBody[] = {
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
    "Thực hiện Công văn số 5633/VPCP-KSTT của Văn phòng Chính phủ,",
    "Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện công tác",
    "cải cách thủ tục hành chính trong tháng 01 năm 2025 như sau:",
    "đánh giá tác động và thẩm định thủ tục hành chính trong dự án.",
};

struct Raster {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;
  std::uint8_t at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
};

// A typed A4 page scanned at kDpi in grey: text in the top part only, so that every turn and
// mirroring of it looks different.
Raster TypedScan() {
  const double scale = kDpi / 72;
  const int w = static_cast<int>(kA4Width * scale), h = static_cast<int>(kA4Height * scale);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.97, 0.97, 0.95);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_select_font_face(cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 12 * scale);
  for (int i = 0; i < 5; ++i) {
    cairo_move_to(cr, 60 * scale, (80 + 22 * i) * scale);
    cairo_show_text(cr, kBody[i]);
  }
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  Raster r;
  r.width = w;
  r.height = h;
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) r.pixels.push_back(static_cast<std::uint8_t>((row[x] >> 8) & 0xff));
  }
  cairo_surface_destroy(surface);
  return r;
}

// The raster turned a quarter counter-clockwise: its top edge becomes its left edge.
Raster TurnLeft(const Raster& in) {
  Raster out;
  out.width = in.height;
  out.height = in.width;
  out.pixels.resize(in.pixels.size());
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      out.pixels[static_cast<size_t>(y) * out.width + x] = in.at(in.width - 1 - y, x);
    }
  }
  return out;
}

Raster Mirror(const Raster& in, bool horizontal, bool vertical) {
  Raster out = in;
  for (int y = 0; y < in.height; ++y) {
    for (int x = 0; x < in.width; ++x) {
      out.pixels[static_cast<size_t>(y) * in.width + x] =
          in.at(horizontal ? in.width - 1 - x : x, vertical ? in.height - 1 - y : y);
    }
  }
  return out;
}

// Writes a one-page PDF by hand: media box, /Rotate, the images with their `cm` matrices, and
// extra content drawn after them.
struct PlacedImage {
  // When `jpeg` is set, the stream holds that JPEG of the raster (/DCTDecode), in colour when
  // jpeg_components is 3, with `extra` entries added to the image dictionary.
  PlacedImage(Raster r, std::string matrix, std::string jpeg_data = "", int components = 1,
              std::string dict_entries = "")
      : raster(std::move(r)),
        cm(std::move(matrix)),
        jpeg(std::move(jpeg_data)),
        jpeg_components(components),
        extra(std::move(dict_entries)) {}
  Raster raster;
  std::string cm;  // "a b c d e f"
  std::string jpeg;
  int jpeg_components;
  std::string extra;
};
void WritePdf(const std::filesystem::path& path, int media_width, int media_height, int rotate,
              const std::vector<PlacedImage>& images, const std::string& extra = "") {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  std::string xobjects, content;
  for (size_t i = 0; i < images.size(); ++i) {
    xobjects += "/Im" + std::to_string(i) + " " + std::to_string(4 + i) + " 0 R ";
    content += "q " + images[i].cm + " cm /Im" + std::to_string(i) + " Do Q\n";
  }
  content += extra;
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(media_width) + " " +
         std::to_string(media_height) + "] /Rotate " + std::to_string(rotate) + " /Resources << /XObject << " +
         xobjects + ">> >> /Contents " + std::to_string(4 + images.size()) + " 0 R >>");
  for (const PlacedImage& image : images) {
    const std::string data =
        image.jpeg.empty() ? std::string(image.raster.pixels.begin(), image.raster.pixels.end()) : image.jpeg;
    object("<< /Type /XObject /Subtype /Image /Width " + std::to_string(image.raster.width) + " /Height " +
           std::to_string(image.raster.height) + " /ColorSpace " +
           (image.jpeg_components == 3 ? "/DeviceRGB" : "/DeviceGray") + " /BitsPerComponent 8 " +
           (image.jpeg.empty() ? "" : "/Filter /DCTDecode ") + image.extra + " /Length " + std::to_string(data.size()) +
           " >>\nstream\n" + data + "\nendstream");
  }
  object("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  std::ofstream(path, std::ios::binary) << pdf;
}

std::optional<EmbeddedPageImage> ReadImage(const std::filesystem::path& pdf, int index,
                                           EmbeddedImageOptions options = {}) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
  EXPECT_TRUE(doc);
  if (!doc) return std::nullopt;
  std::unique_ptr<poppler::page> page(doc->create_page(std::max(0, index)));
  if (!page) return std::nullopt;
  return EmbeddedImages(pdf).FullPageImage(index, *page, options);
}

// Mean grey difference of two images of the same size (255 when the sizes differ).
double MeanDifference(const GrayImage& a, const GrayImage& b) {
  if (a.width != b.width || a.height != b.height || a.pixels.empty()) return 255;
  double sum = 0;
  for (size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(a.pixels[i] - b.pixels[i]);
  return sum / static_cast<double>(a.pixels.size());
}

// The page decoded from its JPEG stream is the page poppler-glib draws: same size, place,
// resolution and orientation, about the same greys.
void ExpectSameAsDrawn(const std::optional<EmbeddedPageImage>& decoded, const std::optional<EmbeddedPageImage>& drawn) {
  ASSERT_TRUE(drawn.has_value());
  ASSERT_TRUE(decoded.has_value());
  EXPECT_TRUE(decoded->decoded_jpeg);
  EXPECT_FALSE(drawn->decoded_jpeg);
  EXPECT_EQ(decoded->image.width, drawn->image.width);
  EXPECT_EQ(decoded->image.height, drawn->image.height);
  EXPECT_DOUBLE_EQ(decoded->image.dpi, drawn->image.dpi);
  EXPECT_DOUBLE_EQ(decoded->left, drawn->left);
  EXPECT_DOUBLE_EQ(decoded->top, drawn->top);
  EXPECT_LT(MeanDifference(decoded->image, drawn->image), 3);
}

// The grey raster in colour: a blue-grey paper and dark blue ink.
std::vector<std::uint8_t> Tinted(const Raster& r) {
  std::vector<std::uint8_t> rgb;
  rgb.reserve(r.pixels.size() * 3);
  for (const std::uint8_t v : r.pixels) {
    rgb.push_back(static_cast<std::uint8_t>(v * 0.9));
    rgb.push_back(static_cast<std::uint8_t>(v * 0.95));
    rgb.push_back(v);
  }
  return rgb;
}

// Each way of drawing the typed page so that it is displayed upright. poppler-glib gives an
// image turned a quarter (by its matrix or by /Rotate 90) an empty box, so those pages are not
// located and are read from a rendering.
struct Layout {
  const char* name;
  int media_width, media_height, rotate;
  Raster (*stored)(const Raster&);
  const char* cm;
  bool located;
};
Raster AsIs(const Raster& r) { return r; }
Raster HalfTurn(const Raster& r) { return Mirror(r, true, true); }
Raster MirrorLeftRight(const Raster& r) { return Mirror(r, true, false); }
const Layout kLayouts[] = {
    {"Upright", kA4Width, kA4Height, 0, AsIs, "595 0 0 842 0 0", true},
    {"HalfTurnMatrix", kA4Width, kA4Height, 0, HalfTurn, "-595 0 0 -842 595 842", true},
    {"Mirrored", kA4Width, kA4Height, 0, MirrorLeftRight, "-595 0 0 842 595 0", true},
    {"Rotate180", kA4Width, kA4Height, 180, HalfTurn, "595 0 0 842 0 0", true},
    {"QuarterTurnMatrix", kA4Width, kA4Height, 0, TurnLeft, "0 -842 595 0 0 842", false},
    {"LandscapeRotate90", kA4Height, kA4Width, 90, TurnLeft, "842 0 0 595 0 0", false},
};

class EmbeddedImageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("luutru-embedded-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".pdf");
  }
  void TearDown() override { std::filesystem::remove(path_); }

  std::optional<EmbeddedPageImage> Read(int index = 0, EmbeddedImageOptions options = {}) {
    return ReadImage(path_, index, options);
  }

  // Mean grey difference between the embedded image and Poppler's rendering of the page at the
  // image's resolution: small when the image is the page as displayed.
  double DifferenceFromRendering(const EmbeddedPageImage& embedded) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path_.string()));
    std::unique_ptr<poppler::page> page(doc->create_page(0));
    const GrayImage rendered = RenderGray(*page, embedded.image.dpi);
    EXPECT_NEAR(rendered.width, embedded.image.width, 2);
    EXPECT_NEAR(rendered.height, embedded.image.height, 2);
    const int w = std::min(rendered.width, embedded.image.width);
    const int h = std::min(rendered.height, embedded.image.height);
    double sum = 0;
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) sum += std::abs(rendered.at(x, y) - embedded.image.at(x, y));
    }
    return sum / (static_cast<double>(w) * h);
  }

  std::filesystem::path path_;
};

TEST_F(EmbeddedImageTest, EveryLocatedLayoutGivesThePageAsDisplayed) {
  const Raster scan = TypedScan();
  for (const Layout& layout : kLayouts) {
    SCOPED_TRACE(layout.name);
    WritePdf(path_, layout.media_width, layout.media_height, layout.rotate, {{layout.stored(scan), layout.cm}});
    const std::optional<EmbeddedPageImage> embedded = Read();
    EXPECT_EQ(embedded.has_value(), layout.located);
    if (!embedded) continue;
    EXPECT_EQ(embedded->image.width, scan.width);
    EXPECT_EQ(embedded->image.height, scan.height);
    EXPECT_NEAR(embedded->image.dpi, kDpi, 1);
    EXPECT_NEAR(embedded->left, 0, 0.5);
    EXPECT_NEAR(embedded->top, 0, 0.5);
    EXPECT_NEAR(embedded->points_per_pixel_x, 72 / kDpi, 0.01);
    EXPECT_NEAR(embedded->points_per_pixel_y, 72 / kDpi, 0.01);
    EXPECT_LT(DifferenceFromRendering(*embedded), 6);
    // Upright: the text is in the top part of the image, as in the scan.
    double top = 0, bottom = 0;
    for (int y = 0; y < scan.height / 4; ++y) {
      for (int x = 0; x < scan.width; ++x) {
        top += embedded->image.at(x, y) < 128;
        bottom += embedded->image.at(x, scan.height - 1 - y) < 128;
      }
    }
    EXPECT_GT(top, 1000);
    EXPECT_EQ(bottom, 0);
  }
}

TEST_F(EmbeddedImageTest, ImageWithMarginsIsPlacedOnThePage) {
  WritePdf(path_, kA4Width, kA4Height, 0, {{TypedScan(), "560 0 0 792 20 30"}});
  const std::optional<EmbeddedPageImage> embedded = Read();
  ASSERT_TRUE(embedded.has_value());
  EXPECT_NEAR(embedded->left, 20, 0.5);
  EXPECT_NEAR(embedded->top, kA4Height - 30 - 792, 0.5);
  EXPECT_NEAR(embedded->points_per_pixel_x, 560.0 / embedded->image.width, 1e-6);
  EXPECT_NEAR(embedded->points_per_pixel_y, 792.0 / embedded->image.height, 1e-6);
}

TEST_F(EmbeddedImageTest, SmallSealOverTheScanIsLeftOut) {
  Raster seal;
  seal.width = seal.height = 60;
  seal.pixels.assign(3600, 90);
  WritePdf(path_, kA4Width, kA4Height, 0, {{TypedScan(), "595 0 0 842 0 0"}, {seal, "40 0 0 40 400 100"}});
  const std::optional<EmbeddedPageImage> embedded = Read();
  ASSERT_TRUE(embedded.has_value());
  EXPECT_NEAR(embedded->image.dpi, kDpi, 1);
}

TEST_F(EmbeddedImageTest, PagesThatAreNotOneImageGiveNothing) {
  const Raster scan = TypedScan();
  Raster half = scan;
  half.height /= 2;
  half.pixels.resize(static_cast<size_t>(half.width) * half.height);
  {
    SCOPED_TRACE("two half-page images");
    WritePdf(path_, kA4Width, kA4Height, 0, {{half, "595 0 0 421 0 421"}, {half, "595 0 0 421 0 0"}});
    EXPECT_FALSE(Read().has_value());
  }
  {
    SCOPED_TRACE("an image over half the page");
    WritePdf(path_, kA4Width, kA4Height, 0, {{half, "595 0 0 421 0 421"}});
    EXPECT_FALSE(Read().has_value());
  }
  {
    SCOPED_TRACE("a drawing over the scan");
    WritePdf(path_, kA4Width, kA4Height, 0, {{scan, "595 0 0 842 0 0"}}, "0 g 50 100 500 400 re f\n");
    EXPECT_FALSE(Read().has_value());
  }
  {
    SCOPED_TRACE("no image");
    WritePdf(path_, kA4Width, kA4Height, 0, {}, "0 g 50 100 500 400 re f\n");
    EXPECT_FALSE(Read().has_value());
  }
  EXPECT_FALSE(Read(1).has_value());
  EXPECT_FALSE(Read(-1).has_value());
}

TEST_F(EmbeddedImageTest, JpegScanIsDecodedAsPopplerDrawsIt) {
  const Raster scan = TypedScan();
  for (const int components : {1, 3}) {
    for (const Layout& layout : {kLayouts[0], kLayouts[1], kLayouts[2], kLayouts[3]}) {
      SCOPED_TRACE(std::string(layout.name) + (components == 3 ? ", colour" : ", grey"));
      const Raster stored = layout.stored(scan);
      const std::vector<std::uint8_t> pixels = components == 3 ? Tinted(stored) : stored.pixels;
      const std::string jpeg = corpus::EncodeJpeg(stored.width, stored.height, components, pixels.data());
      WritePdf(path_, layout.media_width, layout.media_height, layout.rotate, {{stored, layout.cm, jpeg, components}});
      ExpectSameAsDrawn(Read(), Read(0, {.decode_jpeg = false}));
    }
  }
}

TEST_F(EmbeddedImageTest, JpegScanWithASealOverItIsDecoded) {
  const Raster scan = TypedScan();
  Raster seal;
  seal.width = seal.height = 60;
  seal.pixels.assign(3600, 90);
  WritePdf(path_, kA4Width, kA4Height, 0,
           {{scan, "595 0 0 842 0 0", corpus::EncodeJpeg(scan.width, scan.height, 1, scan.pixels.data())},
            {seal, "40 0 0 40 400 100"}});
  ExpectSameAsDrawn(Read(), Read(0, {.decode_jpeg = false}));
}

TEST_F(EmbeddedImageTest, JpegThatIsNotPlainIsDrawnByPoppler) {
  const Raster scan = TypedScan();
  const std::string jpeg = corpus::EncodeJpeg(scan.width, scan.height, 1, scan.pixels.data());
  Raster mask;
  mask.width = mask.height = 1;
  mask.pixels = {255};
  struct Case {
    const char* name;
    std::string jpeg, extra;
  };
  const Case cases[] = {
      {"inverted by /Decode", jpeg, "/Decode [1 0]"},
      {"/ColorTransform", jpeg, "/DecodeParms << /ColorTransform 0 >>"},
      {"truncated", jpeg.substr(0, jpeg.size() / 2), ""},
      {"corrupt", std::string(jpeg.size(), '\x5a'), ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    WritePdf(path_, kA4Width, kA4Height, 0, {{scan, "595 0 0 842 0 0", c.jpeg, 1, c.extra}});
    const std::optional<EmbeddedPageImage> image = Read();  // no crash, no exit
    if (image) {
      EXPECT_FALSE(image->decoded_jpeg);
    }
  }
}

TEST(EmbeddedImageRealTest, JpegScansAreDecodedAsPopplerDrawsThem) {
  LUUTRU_REQUIRE_SHARED(shared);
  int pages = 0, decoded = 0;
  for (const auto& entry : std::filesystem::directory_iterator(shared / "real-pdfs")) {
    const std::string name = entry.path().filename().string();
    if (name.find("_scan") == std::string::npos || entry.path().extension() != ".pdf") continue;
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(entry.path().string()));
    ASSERT_TRUE(doc) << name;
    for (int i = 0; i < doc->pages(); ++i) {
      SCOPED_TRACE(name + " page " + std::to_string(i + 1));
      ++pages;
      const std::optional<EmbeddedPageImage> direct = ReadImage(entry.path(), i);
      const std::optional<EmbeddedPageImage> drawn = ReadImage(entry.path(), i, {.decode_jpeg = false});
      ASSERT_EQ(direct.has_value(), drawn.has_value());
      if (!direct || !direct->decoded_jpeg) continue;
      ++decoded;
      ExpectSameAsDrawn(direct, drawn);
    }
  }
  // Ten of the fourteen scanned pages are JPEG; the other four are bilevel (CCITT) scans.
  EXPECT_EQ(pages, 14);
  EXPECT_EQ(decoded, 10);
}

TEST_F(EmbeddedImageTest, UnreadableFileIsAnErrorNamingIt) {
  std::ofstream(path_) << "not a pdf";
  try {
    EmbeddedImages images(path_);
    FAIL() << "opened a file that is not a PDF";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path_.filename().string()), std::string::npos) << e.what();
  }
}

// OCR of the page from its image and from a 300 dpi rendering: the same words, at the same
// places on the page.
class EmbeddedImageOcrTest : public EmbeddedImageTest {
 protected:
  static void SetUpTestSuite() {
    embedded_ = new OcrEngine("vie");
    rendered_ = new OcrEngine("vie", OcrImageOptions{.embedded_image = false});
  }
  static void TearDownTestSuite() {
    delete embedded_;
    delete rendered_;
  }
  static OcrEngine* embedded_;
  static OcrEngine* rendered_;
};
OcrEngine* EmbeddedImageOcrTest::embedded_ = nullptr;
OcrEngine* EmbeddedImageOcrTest::rendered_ = nullptr;

TEST_F(EmbeddedImageOcrTest, ReadsTheSameWordsInPagePoints) {
  const Raster scan = TypedScan();
  // The image itself, turned by /Rotate 180; and a /Rotate 90 page, read from a rendering.
  for (const Layout& layout : {kLayouts[3], kLayouts[5]}) {
    SCOPED_TRACE(layout.name);
    WritePdf(path_, layout.media_width, layout.media_height, layout.rotate, {{layout.stored(scan), layout.cm}});
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path_.string()));
    ASSERT_TRUE(doc);
    const OcrPage own = embedded_->Recognize(path_, *doc, 0);
    const OcrPage rendering = rendered_->Recognize(path_, *doc, 0);
    EXPECT_EQ(own.from_embedded_image, layout.located);
    EXPECT_NEAR(own.image_dpi, layout.located ? kDpi : 300, 1);
    EXPECT_FALSE(rendering.from_embedded_image);
    EXPECT_NEAR(rendering.image_dpi, 300, 1);
    for (const char* phrase : {"QUẢNG NGÃI", "Văn phòng Chính phủ", "cải cách thủ tục hành chính"}) {
      EXPECT_NE(own.text.find(phrase), std::string::npos) << phrase << " not in:\n" << own.text;
    }
    // Words of the same text at the same place (within 3 points) on both readings.
    ASSERT_GE(own.words.size(), 40u);
    for (const OcrWord& w : own.words) {
      EXPECT_LE(0, w.x0);
      EXPECT_LE(w.x1, kA4Width);
      EXPECT_LE(0, w.y0);
      EXPECT_LE(w.y1, 200);  // the text is in the top part of the displayed page
    }
    const size_t matched = WordsAtTheSamePlace(own, rendering, 3);
    EXPECT_GE(matched, own.words.size() * 9 / 10) << own.text << "\n---\n" << rendering.text;
  }
}

}  // namespace
}  // namespace luutru::indexer
