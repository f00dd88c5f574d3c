// ocr-pages: shows, for each page of the PDFs given, what the OCR stage sees and decides:
// text-layer size, painted/ink coverage, PageNeedsOcr, and with --ocr the recognised text.
//
//   ocr-pages [--ocr] [--lang vie] [--pages 1,2] FILE.pdf...
#include <poppler-document.h>
#include <poppler-page.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/ocr/embedded_image.h"
#include "indexer/ocr/gray_image.h"
#include "indexer/ocr/ocr.h"

namespace {
void Quiet(const std::string&, void*) {}
}  // namespace

int main(int argc, char** argv) {
  using namespace luutru::indexer;
  bool ocr = false;
  std::string lang = "vie";
  std::set<int> only;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--ocr") {
      ocr = true;
    } else if (a == "--lang" && i + 1 < argc) {
      lang = argv[++i];
    } else if (a == "--pages" && i + 1 < argc) {
      std::stringstream ss(argv[++i]);
      for (std::string n; std::getline(ss, n, ',');) only.insert(std::stoi(n));
    } else {
      files.push_back(a);
    }
  }
  poppler::set_debug_error_function(Quiet, nullptr);
  std::unique_ptr<OcrEngine> engine;
  if (ocr) engine = std::make_unique<OcrEngine>(lang);
  for (const std::string& f : files) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(f));
    if (!doc) {
      std::cerr << f << ": cannot open\n";
      continue;
    }
    for (int i = 0; i < doc->pages(); ++i) {
      if (!only.empty() && !only.count(i + 1)) continue;
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      const auto utf8 = page->text().to_utf8();
      const std::string text(utf8.begin(), utf8.end());
      const auto t0 = std::chrono::steady_clock::now();
      const PageCoverage c = MeasureCoverage(*page);
      const auto t1 = std::chrono::steady_clock::now();
      const bool needs = PageNeedsOcr(*page, text);
      std::printf("%s p%d chars=%zu painted=%.3f ink=%.4f ink_outside=%.4f probe=%.0fms needs_ocr=%d\n", f.c_str(),
                  i + 1, text.size(), c.painted, c.ink, c.ink_outside_text,
                  std::chrono::duration<double, std::milli>(t1 - t0).count(), needs);
      const auto e0 = std::chrono::steady_clock::now();
      const std::optional<EmbeddedPageImage> embedded = EmbeddedImages(f).FullPageImage(i, *page);
      if (embedded) {
        std::printf("  embedded image %dx%d at %.0f dpi, from (%.1f, %.1f) pt: %.0f ms\n", embedded->image.width,
                    embedded->image.height, embedded->image.dpi, embedded->left, embedded->top,
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - e0).count());
      } else {
        std::printf("  not one image\n");
      }
      if (engine) {
        const auto r0 = std::chrono::steady_clock::now();
        const GrayImage raster = RenderGray(*page, 300);
        std::printf("  render 300 dpi %dx%d: %.0f ms\n", raster.width, raster.height,
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - r0).count());
        const auto o0 = std::chrono::steady_clock::now();
        const OcrPage r = engine->Recognize(f, *doc, i);
        const auto o1 = std::chrono::steady_clock::now();
        std::printf("  ocr %.2fs from %s at %.0f dpi, conf=%.0f words=%zu\n%s\n---\n",
                    std::chrono::duration<double>(o1 - o0).count(),
                    r.from_embedded_image ? "the embedded image" : "a rendering", r.image_dpi, r.mean_confidence,
                    r.words.size(), r.text.c_str());
      }
    }
  }
}
