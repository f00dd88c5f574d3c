// The worker protocol's frames and messages; the protocol is in worker_protocol.h.
#include "indexer/workers/worker_protocol.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

#include "catalog/header_digits_json.h"
#include "indexer/state/file_name.h"

namespace luutru::indexer {
namespace {

using nlohmann::json;

constexpr uint32_t kMaxFrame = 1u << 30;

bool ReadAll(int fd, char* data, size_t size) {
  size_t off = 0;
  while (off < size) {
    ssize_t r = read(fd, data + off, size - off);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    off += static_cast<size_t>(r);
  }
  return true;
}

}  // namespace

nlohmann::json PageToJson(const ExtractedPage& p) {
  json words = json::array();
  for (const catalog::WordBox& w : p.page.words) words.push_back(json::array({w.text, w.x0, w.y0, w.x1, w.y1}));
  json out{{page_key::kText, p.page.text},
           {page_key::kSource, std::string(catalog::TextSourceName(p.page.source))},
           {page_key::kConfidence, p.page.ocr_confidence},
           {page_key::kFromCache, p.ocr_from_cache},
           {page_key::kTextBytes, p.text_bytes},
           {page_key::kFileBudget, p.file_budget},
           {page_key::kWords, std::move(words)}};
  if (p.page.header_digits) out[page_key::kHeaderDigits] = catalog::HeaderDigitsToJson(*p.page.header_digits);
  return out;
}

ExtractedPage PageFromJson(const json& j) {
  ExtractedPage p;
  p.page.text = j.at(page_key::kText).get<std::string>();
  p.page.source =
      catalog::ParseTextSource(j.at(page_key::kSource).get<std::string>()).value_or(catalog::TextSource::kNone);
  p.page.ocr_confidence = j.at(page_key::kConfidence).get<double>();
  p.ocr_from_cache = j.at(page_key::kFromCache).get<bool>();
  p.text_bytes = j.value(page_key::kTextBytes, uint64_t{0});
  p.file_budget = j.value(page_key::kFileBudget, false);
  for (const json& w : j.at(page_key::kWords)) {
    p.page.words.push_back(catalog::WordBox{w.at(0).get<std::string>(), w.at(1).get<float>(), w.at(2).get<float>(),
                                            w.at(3).get<float>(), w.at(4).get<float>()});
  }
  if (auto it = j.find(page_key::kHeaderDigits); it != j.end())
    p.page.header_digits = catalog::HeaderDigitsFromJson(*it);
  return p;
}

bool WriteFrame(int fd, const std::string& payload) {
  if (payload.size() > kMaxFrame) return false;
  const uint32_t n = static_cast<uint32_t>(payload.size());
  unsigned char header[4] = {static_cast<unsigned char>(n), static_cast<unsigned char>(n >> 8),
                             static_cast<unsigned char>(n >> 16), static_cast<unsigned char>(n >> 24)};
  std::string buf(reinterpret_cast<char*>(header), 4);
  buf += payload;
  size_t off = 0;
  while (off < buf.size()) {
    ssize_t w = send(fd, buf.data() + off, buf.size() - off, MSG_NOSIGNAL);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    off += static_cast<size_t>(w);
  }
  return true;
}

bool ReadFrame(int fd, std::string& payload) {
  unsigned char h[4];
  if (!ReadAll(fd, reinterpret_cast<char*>(h), 4)) return false;
  const uint32_t n = uint32_t{h[0]} | uint32_t{h[1]} << 8 | uint32_t{h[2]} << 16 | uint32_t{h[3]} << 24;
  if (n > kMaxFrame) return false;
  payload.resize(n);
  return n == 0 || ReadAll(fd, payload.data(), n);
}

std::string InitFrame(const ExtractOptions& options) {
  const char* mode = options.ocr == OcrMode::kAlways ? "always" : options.ocr == OcrMode::kNever ? "never" : "auto";
  json init = {{"ocr", mode},
               {"lang", options.ocr_languages},
               {"cache", BytesToJson(options.ocr_cache_dir.string())},
               {"max_pages", options.max_pages}};
  if (!options.digit_model.empty()) init["digits"] = BytesToJson(options.digit_model.string());
  if (options.faults.Any()) {
    init["faults"] = {{"crash_on", BytesToJson(options.faults.crash_on)},
                      {"hang_on", BytesToJson(options.faults.hang_on)},
                      {"memory_on", BytesToJson(options.faults.memory_on)}};
  }
  return init.dump();
}

ExtractOptions ParseInitFrame(const std::string& frame) {
  ExtractOptions options;
  const json init = json::parse(frame);
  const std::string mode = init.at("ocr").get<std::string>();
  options.ocr = mode == "always" ? OcrMode::kAlways : mode == "never" ? OcrMode::kNever : OcrMode::kAuto;
  options.ocr_languages = init.at("lang").get<std::string>();
  options.ocr_cache_dir = BytesFromJson(init.at("cache"));
  options.max_pages = init.at("max_pages").get<int>();
  if (const auto digits = init.find("digits"); digits != init.end()) options.digit_model = BytesFromJson(*digits);
  if (const auto faults = init.find("faults"); faults != init.end()) {
    options.faults.crash_on = BytesFromJson(faults->at("crash_on"));
    options.faults.hang_on = BytesFromJson(faults->at("hang_on"));
    options.faults.memory_on = BytesFromJson(faults->at("memory_on"));
  }
  return options;
}

std::string FileFrame(const std::filesystem::path& path) { return json{{"path", BytesToJson(path.string())}}.dump(); }

std::filesystem::path ParseFileFrame(const std::string& frame) { return BytesFromJson(json::parse(frame).at("path")); }

}  // namespace luutru::indexer
