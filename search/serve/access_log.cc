#include "search/serve/access_log.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace luutru::serve {

AccessLog::AccessLog(const std::string& path) : path_(path) {
  if (path == "-") {
    file_ = stderr;
    return;
  }
  owned_ = true;
  if (!OpenLocked()) throw std::runtime_error(path + ": " + std::strerror(errno));
}

AccessLog::~AccessLog() {
  if (owned_ && file_) std::fclose(file_);
}

bool AccessLog::OpenLocked() {
  if (file_) std::fclose(file_);
  file_ = std::fopen(path_.c_str(), "a");
  return file_ != nullptr;
}

bool AccessLog::StillAtPathLocked() const {
  struct stat at_path {
  }, open_file{};
  if (stat(path_.c_str(), &at_path) != 0 || fstat(fileno(file_), &open_file) != 0) return false;
  return at_path.st_dev == open_file.st_dev && at_path.st_ino == open_file.st_ino;
}

bool AccessLog::Reopen() {
  if (!owned_) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  return OpenLocked();
}

bool AccessLog::Record(const AccessRecord& record) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
  using json = nlohmann::ordered_json;
  json line{
      {"time", when},
      {"user", record.user.empty() ? json(nullptr) : json(record.user)},
      {"document", record.document_id.empty() ? json(nullptr) : json(record.document_id)},
      {"page", record.page ? json(*record.page) : json(nullptr)},
      {"endpoint", record.endpoint},
      {"secrecy", record.secrecy ? json(catalog::SecrecyName(*record.secrecy)) : json(nullptr)},
      {"remote", record.remote},
  };
  const std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  std::lock_guard<std::mutex> lock(mutex_);
  // A rotation without SIGHUP, or a deleted log: start the file at the path again.
  if (owned_ && (!file_ || !StillAtPathLocked()) && !OpenLocked()) return false;
  const bool written = std::fwrite(text.data(), 1, text.size(), file_) == text.size();
  return std::fflush(file_) == 0 && written;
}

}  // namespace luutru::serve
