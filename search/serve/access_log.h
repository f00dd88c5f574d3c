// The access log (sổ theo dõi khai thác tài liệu mật): every view of a document classified mật
// or higher, so the archive can say who saw a secret document, when, and which page.
//
// One JSON object a line, appended and flushed before the document is sent:
//   {"time":"2026-11-28T13:45:02Z","user":"thuthu","document":"a/b.pdf#1-4","page":2,
//    "endpoint":"page","secrecy":"mật","remote":"127.0.0.1"}
// "user" is null for an anonymous reader; "page" is null when no single page was shown. A record
// that cannot be written makes Record() return false: the caller then refuses to show the document.
// A failed login is a line too, with "endpoint":"login-failed", the name tried as "user" and
// "document", "page" and "secrecy" null.
//
// Log rotation: Reopen() (luutru-serve calls it on SIGHUP, the logrotate convention) closes the
// file and opens the path again. Before each line the path is also checked: if the file was
// renamed or deleted without a SIGHUP, the path is reopened, so no line goes to a file nobody
// will read.
#ifndef LUUTRU_SEARCH_SERVE_ACCESS_LOG_H_
#define LUUTRU_SEARCH_SERVE_ACCESS_LOG_H_

#include <cstdio>
#include <mutex>
#include <optional>
#include <string>

#include "catalog/model.h"
#include "search/messages.h"

namespace luutru::serve {

struct AccessRecord {
  std::string user;         // "" when anonymous
  std::string document_id;  // "" for a failed login
  std::optional<int> page;
  std::string endpoint;                                                       // "search", "unit", "document", "page"
  std::optional<catalog::Secrecy> secrecy = catalog::Secrecy::kConfidential;  // nullopt: a failed login
  std::string remote;                                                         // the client's address
};

class AccessLog {
 public:
  // "-" writes to standard error; anything else is a file opened for appending. Throws
  // std::runtime_error when the file cannot be opened.
  explicit AccessLog(const std::string& path);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // Whether a document of this secrecy must be logged (mật and above; unknown counts as mật).
  static bool MustLog(std::optional<catalog::Secrecy> secrecy) {
    return catalog::EffectiveSecrecy(secrecy) >= catalog::Secrecy::kConfidential;
  }
  bool Record(const AccessRecord& record);
  // What the reader is told when Record() failed and the document is refused.
  static std::string CannotRecordText(search::Lang lang) {
    return std::string(search::Tr(lang, "Không ghi được sổ truy cập.", "The access log cannot be written."));
  }

  // Closes the file and opens its path again (after the log was rotated). False, with the log
  // left unusable until a later reopen succeeds, when the path cannot be opened.
  bool Reopen();

 private:
  // Opens path_ for appending; false when it cannot be. Requires mutex_.
  bool OpenLocked();
  // Whether path_ still names the open file. Requires mutex_.
  bool StillAtPathLocked() const;

  std::string path_;
  std::mutex mutex_;
  FILE* file_ = nullptr;
  bool owned_ = false;
};

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_ACCESS_LOG_H_
