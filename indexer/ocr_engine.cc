// OcrEngine: one Tesseract LSTM instance reading page images that Poppler renders.
#include <leptonica/allheaders.h>
#include <omp.h>
#include <poppler-document.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include "indexer/ocr.h"
#include "indexer/page_image.h"

namespace luutru::indexer {
namespace {

// Every page is read from a 300 dpi grey rendering. poppler-cpp cannot list a page's images, so
// the scan's own resolution is unknown here; measured on the real scans (bench/ocr), a 300 dpi
// Splash rendering costs 150-400 ms against 1.5-3 s of OCR, draws 300 dpi scans unresampled, and
// reads 100 and 240 dpi scans within 0.5 % of their embedded images (which read a colour scan
// with a red seal 3 % worse, as Tesseract greys it differently).
constexpr double kOcrDpi = 300;

std::string WithoutScriptPrefix(std::string languages) {
  for (size_t at; (at = languages.find("script/")) != std::string::npos;) {
    languages.erase(at, 7);
  }
  return languages;
}

// Tesseract's LSTM code asks OpenMP for several threads per line; with one worker per core they
// only contend (measured 1.4-5x slower on 2 cores). OMP_THREAD_LIMIT is read when libgomp loads,
// before main, so the environment variable alone only reaches child processes: the calling
// thread's limit on active parallel levels is what keeps Tesseract on one thread here.
void KeepOpenMpOnOneThread() { omp_set_max_active_levels(0); }

}  // namespace

struct OcrEngine::Impl {
  tesseract::TessBaseAPI api;
};

OcrEngine::OcrEngine(const std::string& languages) : impl_(std::make_unique<Impl>()) {
  setenv("OMP_THREAD_LIMIT", "1", 1);
  // Leptonica reports recoverable trouble inside Tesseract's layout analysis ("Error in
  // boxClipToRectangle: box outside rectangle") on stderr; the page still reads, and stderr
  // belongs to the indexer's progress display.
  setMsgSeverity(L_SEVERITY_NONE);
  KeepOpenMpOnOneThread();
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

OcrPage OcrEngine::Recognize(const poppler::document& doc, int index) {
  if (index < 0 || index >= doc.pages()) {
    throw std::out_of_range("page " + std::to_string(index + 1) + " is not in the document");
  }
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) throw std::runtime_error("Poppler could not open page " + std::to_string(index + 1));
  const GrayImage image = RenderGray(*page, kOcrDpi);

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

  const double to_points = 72.0 / image.dpi;
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
      w.x0 = left * to_points;
      w.y0 = top * to_points;
      w.x1 = right * to_points;
      w.y1 = bottom * to_points;
      w.confidence = it->Confidence(tesseract::RIL_WORD);
      result.words.push_back(std::move(w));
    } while (it->Next(tesseract::RIL_WORD));
  }
  api.Clear();
  return result;
}

}  // namespace luutru::indexer
