// ocr-bench-worker: one OCR worker process of the throughput benchmark. Reads its share of the
// pages given (every n-th, starting at k) with one OcrEngine, writes each page's text to
// OUT/<file>.p<page>.txt and prints one line per page: seconds, confidence, the image read and
// its resolution, CPU seconds.
// --image render reads every page from a 300 dpi rendering instead of the scan's own image;
// --upscale-below DPI scales embedded images under DPI up to 300 dpi (0: never).
//
//   ocr-bench-worker --lang vie [--image embedded|render] [--upscale-below DPI] --part k/n
//                    --out DIR FILE.pdf:PAGE...
#include <poppler-document.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "indexer/ocr/ocr.h"

namespace {
void Quiet(const std::string&, void*) {}
}  // namespace

int main(int argc, char** argv) {
  std::string lang = "vie", out = ".";
  luutru::indexer::OcrImageOptions image;
  int part = 0, parts = 1;
  std::vector<std::string> pages;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--lang" && i + 1 < argc) {
      lang = argv[++i];
    } else if (a == "--image" && i + 1 < argc) {
      const std::string v = argv[++i];
      if (v != "embedded" && v != "render") return 2;
      image.embedded_image = v == "embedded";
    } else if (a == "--upscale-below" && i + 1 < argc) {
      image.upscale_below_dpi = std::stod(argv[++i]);

    } else if (a == "--out" && i + 1 < argc) {
      out = argv[++i];
    } else if (a == "--part" && i + 1 < argc) {
      if (std::sscanf(argv[++i], "%d/%d", &part, &parts) != 2 || parts < 1) return 2;
    } else {
      pages.push_back(a);
    }
  }
  poppler::set_debug_error_function(Quiet, nullptr);
  std::filesystem::create_directories(out);
  luutru::indexer::OcrEngine engine(lang, image);
  std::map<std::string, std::unique_ptr<poppler::document>> docs;
  for (size_t i = static_cast<size_t>(part); i < pages.size(); i += parts) {
    const std::string& spec = pages[i];
    const size_t colon = spec.rfind(':');
    const std::string file = spec.substr(0, colon);
    const int page = std::stoi(spec.substr(colon + 1));
    auto& doc = docs[file];
    if (!doc) doc.reset(poppler::document::load_from_file(file));
    if (!doc) {
      std::fprintf(stderr, "%s: cannot open\n", file.c_str());
      return 1;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    const luutru::indexer::OcrPage result = engine.Recognize(file, *doc, page - 1);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu_seconds = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    const std::string name = std::filesystem::path(file).stem().string() + ".p" + std::to_string(page) + ".txt";
    std::ofstream(std::filesystem::path(out) / name) << result.text << '\n';
    std::string digits;
    if (result.header_digits) {
      auto show = [&](const char* field, const std::optional<luutru::catalog::DigitReading>& r) {
        if (r)
          digits += std::string(" ") + field + "=" + (r->digits.empty() ? "-" : r->digits) + "(" +
                    std::to_string(r->votes) + "/" + std::to_string(r->readings) + ")";
      };
      show("number", result.header_digits->number);
      show("day", result.header_digits->day);
      show("month", result.header_digits->month);
    }
    std::printf("%s %.3f conf=%.0f %s %.0f dpi, %.3f CPU s%s\n", name.c_str(), seconds, result.mean_confidence,
                result.from_embedded_image ? "embedded" : "rendered", result.image_dpi, cpu_seconds, digits.c_str());
    std::fflush(stdout);
  }
  return 0;
}
