// Rendered page images kept in memory, least recently used dropped first, so a result page's
// thumbnails and a page seen again are not rendered again. Only images without a watermark are
// kept (a watermark names the reader and the time). Callers look documents up at the reader's
// clearance before they ask, so a key reaches only images that reader may see. Thread-safe.
#ifndef LUUTRU_SEARCH_SERVE_RENDER_CACHE_H_
#define LUUTRU_SEARCH_SERVE_RENDER_CACHE_H_

#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace luutru::serve {

class RenderCache {
 public:
  explicit RenderCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  std::optional<std::shared_ptr<const std::string>> Find(const std::string& key);
  void Put(const std::string& key, std::shared_ptr<const std::string> png);

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const std::string>>;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_RENDER_CACHE_H_
