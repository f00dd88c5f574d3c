#include "search/serve/render_cache.h"

namespace luutru::serve {

std::optional<std::shared_ptr<const std::string>> RenderCache::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->second;
}

void RenderCache::Put(const std::string& key, std::shared_ptr<const std::string> png) {
  if (!png || png->size() > max_bytes_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->second->size();
    order_.erase(it->second);
    index_.erase(it);
  }
  bytes_ += png->size();
  order_.emplace_front(key, std::move(png));
  index_[key] = order_.begin();
  while (bytes_ > max_bytes_ && !order_.empty()) {
    bytes_ -= order_.back().second->size();
    index_.erase(order_.back().first);
    order_.pop_back();
  }
}

}  // namespace luutru::serve
