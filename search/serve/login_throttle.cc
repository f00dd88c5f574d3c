#include "search/serve/login_throttle.h"

#include <algorithm>

namespace luutru::serve {

LoginThrottle::LoginThrottle(size_t max_failures, std::chrono::seconds window, size_t max_addresses)
    : max_failures_(std::max<size_t>(1, max_failures)), window_(window), max_addresses_(max_addresses) {}

void LoginThrottle::Expire(std::deque<Clock::time_point>& failures, Clock::time_point now) const {
  while (!failures.empty() && now - failures.front() >= window_) failures.pop_front();
}

std::chrono::seconds LoginThrottle::Wait(const std::string& address, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = failures_.find(address);
  if (it == failures_.end()) return std::chrono::seconds(0);
  Expire(it->second, now);
  if (it->second.size() < max_failures_) {
    if (it->second.empty()) failures_.erase(it);
    return std::chrono::seconds(0);
  }
  const auto left = it->second.front() + window_ - now;
  return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(left));
}

void LoginThrottle::Failed(const std::string& address, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (failures_.size() >= max_addresses_ && !failures_.count(address)) {
    // Forget the addresses whose failures are all old; if none, the one failing least recently.
    for (auto it = failures_.begin(); it != failures_.end();) {
      Expire(it->second, now);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
    if (failures_.size() >= max_addresses_) {
      auto oldest = std::min_element(failures_.begin(), failures_.end(),
                                     [](const auto& a, const auto& b) { return a.second.back() < b.second.back(); });
      failures_.erase(oldest);
    }
  }
  auto& failures = failures_[address];
  Expire(failures, now);
  failures.push_back(now);
  while (failures.size() > max_failures_) failures.pop_front();
}

}  // namespace luutru::serve
