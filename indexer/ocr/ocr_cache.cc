// OcrCache: one JSON file per page under <dir>/<first two hex digits of the key>/.
#include <unistd.h>
#include <xxhash.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>

#include "catalog/header_digits_json.h"
#include "indexer/ocr/ocr.h"

namespace luutru::indexer {
namespace {

// Bumped when the OCR pipeline changes what it produces (rendering, model use, cleaning), so
// that pages read by an older pipeline are read again rather than served from the cache.
// 2: scans read from their embedded image at its own resolution. 3: header digits read. 4: the
// marks of those digits cut apart for the digit model, and the day's room where page OCR ran the
// handwriting into the printed words.
constexpr int kPipelineVersion = 4;

std::filesystem::path EntryPath(const std::filesystem::path& dir, const std::string& key) {
  const std::string shard = key.size() >= 2 ? key.substr(0, 2) : std::string("00");
  return dir / shard / (key + ".json");
}

}  // namespace

OcrCache::OcrCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

std::string OcrCache::PageKey(std::string_view file_hash, int index, std::string_view languages, bool digit_model) {
  // Fields separated by a byte that none of them can contain, so no two tuples collide.
  std::string material = "luutru-ocr-v" + std::to_string(kPipelineVersion);
  material += '\0';
  material += file_hash;
  material += '\0';
  material += std::to_string(index);
  material += '\0';
  material += languages;
  if (digit_model) material += std::string_view("\0digits", 7);
  const XXH128_hash_t h = XXH3_128bits(material.data(), material.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

std::optional<OcrPage> OcrCache::Find(const std::string& key) const {
  std::ifstream in(EntryPath(dir_, key), std::ios::binary);
  if (!in) return std::nullopt;
  // A damaged entry (a disk error, a hand edit) is a miss: the page is read again.
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) return std::nullopt;
  try {
    OcrPage page;
    page.text = j.at("text").get<std::string>();
    page.mean_confidence = j.value("confidence", 0.0);
    page.from_embedded_image = j.value("embedded_image", false);
    page.image_dpi = j.value("dpi", 0.0);
    for (const auto& w : j.value("words", nlohmann::json::array())) {
      OcrWord word;
      word.text = w.at("text").get<std::string>();
      const auto& box = w.at("box");
      word.x0 = box.at(0).get<double>();
      word.y0 = box.at(1).get<double>();
      word.x1 = box.at(2).get<double>();
      word.y1 = box.at(3).get<double>();
      word.confidence = w.value("confidence", 0.0f);
      page.words.push_back(std::move(word));
    }
    if (auto it = j.find("header_digits"); it != j.end()) page.header_digits = catalog::HeaderDigitsFromJson(*it);
    return page;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

void OcrCache::Store(const std::string& key, const OcrPage& page) {
  nlohmann::json j;
  j["text"] = page.text;
  j["confidence"] = page.mean_confidence;
  j["embedded_image"] = page.from_embedded_image;
  j["dpi"] = page.image_dpi;
  nlohmann::json words = nlohmann::json::array();
  for (const OcrWord& w : page.words) {
    words.push_back({{"text", w.text}, {"box", {w.x0, w.y0, w.x1, w.y1}}, {"confidence", w.confidence}});
  }
  j["words"] = std::move(words);
  if (page.header_digits) j["header_digits"] = catalog::HeaderDigitsToJson(*page.header_digits);

  const std::filesystem::path target = EntryPath(dir_, key);
  std::filesystem::create_directories(target.parent_path());
  // A unique temporary name per process and call: workers may store the same page at once.
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path tmp =
      target.parent_path() / ("." + key + "." + std::to_string(getpid()) + "." + std::to_string(counter++) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << j.dump();
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      throw std::runtime_error("cannot write OCR cache entry " + tmp.string());
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw std::runtime_error("cannot store OCR cache entry " + target.string() + ": " + ec.message());
  }
}

}  // namespace luutru::indexer
