// Progress.
#include "indexer/progress.h"

#include <unistd.h>

#include <cstdio>

namespace luutru::indexer {

Progress::Progress() : tty_(isatty(STDERR_FILENO) == 1), last_(std::chrono::steady_clock::now()) {}

void Progress::Update(long done, long total, const std::string& label) {
  const auto now = std::chrono::steady_clock::now();
  const auto interval = tty_ ? std::chrono::milliseconds(100) : std::chrono::milliseconds(5000);
  if (now - last_ < interval && done != total) return;
  last_ = now;
  if (tty_) {
    constexpr int kWidth = 30;
    const int filled = total > 0 ? static_cast<int>(kWidth * done / total) : kWidth;
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(kWidth - filled), ' ');
    std::fprintf(stderr, "\r[%s] %s\x1b[K", bar.c_str(), label.c_str());
    drawn_ = true;
  } else if (done != total) {
    std::fprintf(stderr, "%s\n", label.c_str());
  }
  std::fflush(stderr);
}

void Progress::Clear() {
  if (tty_ && drawn_) {
    std::fprintf(stderr, "\r\x1b[K");
    drawn_ = false;
  }
}

}  // namespace luutru::indexer
