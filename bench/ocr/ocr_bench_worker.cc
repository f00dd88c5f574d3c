// ocr-bench-worker: one OCR worker process of the throughput benchmark. Reads its share of the
// pages given (every n-th, starting at k) with one OcrEngine, writes each page's text to
// OUT/<file>.p<page>.txt and prints one line per page with the seconds it took.
//
//   ocr-bench-worker --lang vie --part k/n --out DIR FILE.pdf:PAGE...
#include <poppler-document.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "indexer/ocr.h"

namespace {
void Quiet(const std::string&, void*) {}
}  // namespace

int main(int argc, char** argv) {
  std::string lang = "vie", out = ".";
  int part = 0, parts = 1;
  std::vector<std::string> pages;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--lang" && i + 1 < argc) {
      lang = argv[++i];
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
  luutru::indexer::OcrEngine engine(lang);
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
    const luutru::indexer::OcrPage result = engine.Recognize(*doc, page - 1);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::string name = std::filesystem::path(file).stem().string() + ".p" +
                             std::to_string(page) + ".txt";
    std::ofstream(std::filesystem::path(out) / name) << result.text << '\n';
    std::printf("%s %.3f conf=%.0f\n", name.c_str(), seconds, result.mean_confidence);
    std::fflush(stdout);
  }
  return 0;
}
