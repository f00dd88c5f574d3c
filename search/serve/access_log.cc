#include "search/serve/access_log.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace luutru::serve {

AccessLog::AccessLog(const std::string& path) {
  if (path == "-") {
    file_ = stderr;
    return;
  }
  file_ = std::fopen(path.c_str(), "a");
  if (!file_) throw std::runtime_error(path + ": " + std::strerror(errno));
  owned_ = true;
}

AccessLog::~AccessLog() {
  if (owned_) std::fclose(file_);
}

bool AccessLog::Record(const AccessRecord& record) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
  nlohmann::ordered_json line{
      {"time", when},
      {"user", record.user.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(record.user)},
      {"document", record.document_id},
      {"page", record.page ? nlohmann::ordered_json(*record.page) : nlohmann::ordered_json(nullptr)},
      {"endpoint", record.endpoint},
      {"secrecy", catalog::SecrecyName(record.secrecy)},
      {"remote", record.remote},
  };
  const std::string text = line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  std::lock_guard<std::mutex> lock(mutex_);
  const bool written = std::fwrite(text.data(), 1, text.size(), file_) == text.size();
  return std::fflush(file_) == 0 && written;
}

}  // namespace luutru::serve
