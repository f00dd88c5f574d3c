// Failed logins counted per client address, so that passwords cannot be guessed at the speed of
// the server: after `max_failures` failures within `window`, the address may not try again until
// the oldest of them is `window` old. A locked-out address is refused before its credentials are
// checked, right ones included, so guessing gains nothing. Thread-safe; memory is bounded by
// forgetting the least recent addresses beyond `max_addresses`.
#ifndef LUUTRU_SEARCH_SERVE_LOGIN_THROTTLE_H_
#define LUUTRU_SEARCH_SERVE_LOGIN_THROTTLE_H_

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace luutru::serve {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  LoginThrottle(size_t max_failures = 10, std::chrono::seconds window = std::chrono::seconds(600),
                size_t max_addresses = 100000);

  // Zero when `address` may try to log in now, else how long until it may.
  std::chrono::seconds Wait(const std::string& address, Clock::time_point now = Clock::now());
  void Failed(const std::string& address, Clock::time_point now = Clock::now());

 private:
  void Expire(std::deque<Clock::time_point>& failures, Clock::time_point now) const;

  size_t max_failures_;
  std::chrono::seconds window_;
  size_t max_addresses_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_LOGIN_THROTTLE_H_
