// OcrEngine: one Tesseract LSTM instance reading a scan's own image, or a Poppler rendering.
#include <leptonica/allheaders.h>
#include <malloc.h>
#include <omp.h>
#include <poppler-document.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/ocr/digit_model.h"
#include "indexer/ocr/embedded_image.h"
#include "indexer/ocr/gray_image.h"
#include "indexer/ocr/header_digits.h"
#include "indexer/ocr/ocr.h"

namespace luutru::indexer {
namespace {

// Pages that are not one image (and all pages when OcrImageOptions says so) are read from a
// 300 dpi grey rendering; low-resolution scans are scaled up to it when asked.
constexpr double kOcrDpi = 300;

// What Tesseract reads, and where its pixels lie on the page.
struct PageRaster {
  GrayImage image;
  double left = 0, top = 0, points_per_pixel_x = 0, points_per_pixel_y = 0;
  bool embedded = false;
};

// The image scaled up to `dpi` by leptonica's linear interpolation.
GrayImage Upscale(const GrayImage& image, double dpi) {
  const float factor = static_cast<float>(dpi / image.dpi);
  PIX* pix = pixCreate(image.width, image.height, 8);
  if (!pix) throw std::runtime_error("out of memory for a page image");
  l_uint32* data = pixGetData(pix);
  const int wpl = pixGetWpl(pix);
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, image.at(x, y));
  }
  PIX* scaled = pixScaleGrayLI(pix, factor, factor);
  pixDestroy(&pix);
  if (!scaled) throw std::runtime_error("cannot scale a page image up");
  GrayImage out;
  out.width = static_cast<int>(pixGetWidth(scaled));
  out.height = static_cast<int>(pixGetHeight(scaled));
  out.dpi = image.dpi * out.width / image.width;
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  data = pixGetData(scaled);
  const int scaled_wpl = pixGetWpl(scaled);
  for (int y = 0; y < out.height; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * scaled_wpl;
    for (int x = 0; x < out.width; ++x) {
      out.pixels[static_cast<size_t>(y) * out.width + x] = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
    }
  }
  pixDestroy(&scaled);
  return out;
}

// The scan's own image when the page is one, otherwise a rendering at kOcrDpi.
PageRaster PageImage(const std::filesystem::path& pdf, const poppler::page& page, int index,
                     const OcrImageOptions& options) {
  PageRaster raster;
  std::optional<EmbeddedPageImage> embedded;
  // Opened per page: a file indexed again under the same path may have changed, and opening
  // parses little more than the cross-reference table.
  if (options.embedded_image) {
    try {
      embedded = EmbeddedImages(pdf).FullPageImage(index, page);
    } catch (const std::runtime_error&) {
      // poppler-glib shares poppler-cpp's parser, so this is rare; the rendering still reads it.
    }
  }
  if (embedded) {
    raster.embedded = true;
    raster.left = embedded->left;
    raster.top = embedded->top;
    if (embedded->image.dpi < options.upscale_below_dpi) {
      const double before_x = embedded->image.width, before_y = embedded->image.height;
      raster.image = Upscale(embedded->image, kOcrDpi);
      raster.points_per_pixel_x = embedded->points_per_pixel_x * before_x / raster.image.width;
      raster.points_per_pixel_y = embedded->points_per_pixel_y * before_y / raster.image.height;
    } else {
      raster.image = std::move(embedded->image);
      raster.points_per_pixel_x = embedded->points_per_pixel_x;
      raster.points_per_pixel_y = embedded->points_per_pixel_y;
    }
    return raster;
  }
  raster.image = RenderGray(page, kOcrDpi);
  raster.points_per_pixel_x = raster.points_per_pixel_y = 72.0 / raster.image.dpi;
  return raster;
}

std::string WithoutScriptPrefix(std::string languages) {
  for (size_t at; (at = languages.find("script/")) != std::string::npos;) {
    languages.erase(at, 7);
  }
  return languages;
}

// Tesseract's LSTM code asks OpenMP for several threads per line; with one worker per core they
// only contend (bench/ocr/README.md). OMP_THREAD_LIMIT is read when libgomp loads,
// before main, so the environment variable alone only reaches child processes: the calling
// thread's limit on active parallel levels is what keeps Tesseract on one thread here.
void KeepOpenMpOnOneThread() { omp_set_max_active_levels(0); }

// Each page allocates and frees the same large blocks (page images, Tesseract's line and
// network buffers); by default glibc hands blocks over 128 KiB back to the kernel and trims the
// heap, so every page pays for fresh zeroed pages again (bench/ocr/README.md, "Freed memory
// kept"). Process-wide: blocks up to 32 MiB come from the heap, and up to 256 MiB of freed heap
// is kept for the next page.
void KeepFreedMemory() {
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
}

// Left edges of the '/' Tesseract read on the page, with their boxes: where a printed notation
// starts after a handwritten number.
std::vector<std::array<int, 4>> SlashBoxes(tesseract::TessBaseAPI& api) {
  std::vector<std::array<int, 4>> out;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it || it->Empty(tesseract::RIL_SYMBOL)) return out;
  do {
    std::unique_ptr<char[]> symbol(it->GetUTF8Text(tesseract::RIL_SYMBOL));
    if (!symbol || std::string_view(symbol.get()) != "/") continue;
    std::array<int, 4> box{};
    if (it->BoundingBox(tesseract::RIL_SYMBOL, &box[0], &box[1], &box[2], &box[3])) out.push_back(box);
  } while (it->Next(tesseract::RIL_SYMBOL));
  return out;
}

}  // namespace

struct OcrEngine::Impl {
  tesseract::TessBaseAPI api;
  OcrImageOptions image;
  std::string languages;
  // Read the handwritten digits of a header (header_digits.h): the page's model and English's,
  // whose digit errors differ; set up on the first page.
  std::vector<std::unique_ptr<tesseract::TessBaseAPI>> digit_readers;
  std::unique_ptr<DigitModel> digit_model;  // the third reader of those digits; may be absent
};

OcrEngine::OcrEngine(const std::string& languages, OcrImageOptions image, const std::filesystem::path& digit_model)
    : impl_(std::make_unique<Impl>()) {
  impl_->image = image;
  impl_->languages = languages;
  if (!digit_model.empty()) impl_->digit_model = DigitModel::Load(digit_model);
  setenv("OMP_THREAD_LIMIT", "1", 1);
  // Leptonica reports recoverable trouble inside Tesseract's layout analysis ("Error in
  // boxClipToRectangle: box outside rectangle") on stderr; the page still reads, and stderr
  // belongs to the indexer's progress display.
  setMsgSeverity(L_SEVERITY_NONE);
  KeepOpenMpOnOneThread();
  KeepFreedMemory();
  tesseract::TessBaseAPI& api = impl_->api;
  int rc = api.Init(nullptr, languages.c_str(), tesseract::OEM_LSTM_ONLY);
  // Debian installs the script models (tesseract-ocr-script-*) beside the language ones, so
  // "script/Vietnamese" is found there as "Vietnamese".
  if (rc != 0 && languages.find("script/") != std::string::npos) {
    rc = api.Init(nullptr, WithoutScriptPrefix(languages).c_str(), tesseract::OEM_LSTM_ONLY);
  }
  if (rc != 0) {
    const char* datapath = api.GetDatapath();
    throw std::runtime_error("OCR language data for \"" + languages + "\" not found in " +
                             std::string(datapath && *datapath ? datapath : "tessdata") +
                             " (install tesseract-ocr-<lang>, or set TESSDATA_PREFIX)");
  }
  api.SetPageSegMode(tesseract::PSM_AUTO);
  // Tesseract reports progress notes ("Detected 674 diacritics") on stderr, which belongs to the
  // indexer's progress display.
  api.SetVariable("debug_file", "/dev/null");
}

OcrEngine::~OcrEngine() { impl_->api.End(); }

OcrPage OcrEngine::Recognize(const std::filesystem::path& pdf, const poppler::document& doc, int index) {
  if (index < 0 || index >= doc.pages()) {
    throw std::out_of_range("page " + std::to_string(index + 1) + " is not in the document");
  }
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) throw std::runtime_error("Poppler could not open page " + std::to_string(index + 1));
  const PageRaster raster = PageImage(pdf, *page, index, impl_->image);
  const GrayImage& image = raster.image;

  KeepOpenMpOnOneThread();
  tesseract::TessBaseAPI& api = impl_->api;
  api.SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
  api.SetSourceResolution(static_cast<int>(image.dpi));
  if (api.Recognize(nullptr) != 0) {
    api.Clear();
    throw std::runtime_error("Tesseract failed on page " + std::to_string(index + 1));
  }

  OcrPage result;
  std::unique_ptr<char[]> text(api.GetUTF8Text());
  result.text = CleanOcrText(text ? text.get() : "");
  result.mean_confidence = api.MeanTextConf();
  result.from_embedded_image = raster.embedded;
  result.image_dpi = image.dpi;
  std::vector<LayoutWord> layout;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (it && !it->Empty(tesseract::RIL_WORD)) {
    do {
      std::unique_ptr<char[]> word(it->GetUTF8Text(tesseract::RIL_WORD));
      if (!word) continue;
      OcrWord w;
      w.text = CleanOcrText(word.get());
      if (w.text.empty()) continue;
      int left = 0, top = 0, right = 0, bottom = 0;
      if (!it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom)) continue;
      w.x0 = raster.left + left * raster.points_per_pixel_x;
      w.y0 = raster.top + top * raster.points_per_pixel_y;
      w.x1 = raster.left + right * raster.points_per_pixel_x;
      w.y1 = raster.top + bottom * raster.points_per_pixel_y;
      w.confidence = it->Confidence(tesseract::RIL_WORD);
      layout.push_back(LayoutWord{w.text, left, top, right, bottom});
      result.words.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
  }
  for (const auto& box : SlashBoxes(api)) {
    const int middle_x = (box[0] + box[2]) / 2, middle_y = (box[1] + box[3]) / 2;
    for (LayoutWord& w : layout) {
      if (middle_x >= w.x0 && middle_x <= w.x1 && middle_y >= w.y0 && middle_y <= w.y1 &&
          (w.slash_x0 < 0 || box[0] < w.slash_x0)) {
        w.slash_x0 = box[0];
      }
    }
  }
  api.Clear();
  if (impl_->digit_readers.empty()) {
    for (const std::string& model : {WithoutScriptPrefix(impl_->languages), std::string("eng")}) {
      auto reader = std::make_unique<tesseract::TessBaseAPI>();
      // English comes with every Tesseract install; without it the page's model reads alone.
      if (reader->Init(nullptr, model.c_str(), tesseract::OEM_LSTM_ONLY) != 0) continue;
      reader->SetVariable("debug_file", "/dev/null");
      impl_->digit_readers.push_back(std::move(reader));
    }
  }
  std::vector<tesseract::TessBaseAPI*> readers;
  for (const auto& r : impl_->digit_readers) readers.push_back(r.get());
  if (!readers.empty()) result.header_digits = ReadHeaderDigits(image, layout, readers, impl_->digit_model.get());
  return result;
}

}  // namespace luutru::indexer
