// Messages in two languages.
#include "indexer/messages.h"

#include <cstdio>
#include <cstdlib>

namespace luutru::indexer {

Language ChooseLanguage(const std::string& flag) {
  if (!flag.empty()) return flag.rfind("en", 0) == 0 ? Language::kEnglish : Language::kVietnamese;
  const char* lang = std::getenv("LANG");
  if (lang && std::string(lang).rfind("en", 0) == 0) return Language::kEnglish;
  return Language::kVietnamese;
}

namespace {

// The worker's reasons are English (they also go to the report); Vietnamese for the terminal.
std::string VietnameseReason(const std::string& reason) {
  static const std::pair<const char*, const char*> kPrefixes[] = {
      {"killed by signal ", "tiến trình trích xuất bị dừng bởi tín hiệu "},
      {"worker exited with status ", "tiến trình trích xuất thoát với mã "},
      {"over the memory limit", "vượt giới hạn bộ nhớ"},
      {"not a PDF or damaged", "không phải PDF hoặc tệp bị hỏng"},
      {"encrypted (password protected)", "tệp bị mã hóa (có mật khẩu)"},
      {"has no pages", "tệp không có trang nào"},
      {"cannot read the file", "không đọc được tệp"},
  };
  for (const auto& [en, vi] : kPrefixes) {
    if (reason.rfind(en, 0) == 0) return vi + reason.substr(std::string(en).size());
  }
  const std::string timed = "timed out after ";
  if (reason.rfind(timed, 0) == 0 && reason.size() > timed.size() + 2 &&
      reason.compare(reason.size() - 2, 2, " s") == 0) {
    return "quá thời gian " + reason.substr(timed.size(), reason.size() - timed.size() - 2) + " giây";
  }
  return reason;
}

}  // namespace

std::string Messages::FileFailed(const std::string& file, const std::string& reason_en,
                                 bool kept, bool remembered) const {
  const std::string reason = en_ ? reason_en : VietnameseReason(reason_en);
  if (en_) {
    return "error: " + file + ": " + reason +
           (kept ? " (its previous index entry is kept)" : "") +
           (remembered ? " (unchanged since the last run, not read again; --full reads it)" : "");
  }
  return "lỗi: " + file + ": " + reason + (kept ? " (giữ nguyên bản đã lập chỉ mục trước đó)" : "") +
         (remembered ? " (không đổi từ lần chạy trước, không đọc lại; --full để đọc lại)" : "");
}

std::string Messages::MissingPath(const std::string& path, const std::string& reason) const {
  if (en_) return "error: " + path + ": " + reason + "; nothing was changed in the index";
  return "lỗi: " + path + ": " + reason + "; chỉ mục không bị thay đổi";
}

std::string Messages::UnreadableFolder(const std::string& path) const {
  if (en_) return "warning: cannot read folder " + path + "; its files stay in the index as they were";
  return "cảnh báo: không đọc được thư mục " + path + "; các tệp trong đó giữ nguyên trong chỉ mục";
}

std::string Messages::DatabaseError(const std::string& what, bool committed_before) const {
  if (en_) {
    return "error: database: " + what +
           (committed_before ? " (batches committed before this point stay in the index)" : "");
  }
  return "lỗi: cơ sở dữ liệu: " + what +
         (committed_before ? " (các lô đã ghi trước thời điểm này vẫn còn trong chỉ mục)" : "");
}

std::string Messages::CatalogError(const std::string& what) const {
  return (en_ ? "error: catalog: " : "lỗi: danh mục: ") + what;
}

std::string Messages::Progress(long done, long total) const {
  return std::to_string(done) + "/" + std::to_string(total) + (en_ ? " files" : " tệp");
}

std::string Messages::SummaryLine(const Summary& s) const {
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.1f", s.seconds);
  std::string sec = secs;
  if (en_) {
    return "done: " + std::to_string(s.files) + " files, " + std::to_string(s.documents) +
           " documents, " + std::to_string(s.pages) + " pages, " + std::to_string(s.unchanged) +
           " skipped (unchanged), " + std::to_string(s.deleted) + " deleted, " +
           std::to_string(s.failed) + " failed, " + sec + " s";
  }
  for (char& c : sec) if (c == '.') c = ',';
  return "xong: " + std::to_string(s.files) + " tệp, " + std::to_string(s.documents) +
         " văn bản, " + std::to_string(s.pages) + " trang, " + std::to_string(s.unchanged) +
         " bỏ qua (không đổi), " + std::to_string(s.deleted) + " đã xóa, " +
         std::to_string(s.failed) + " lỗi, " + sec + " giây";
}

std::string Messages::JsonlError(const std::string& file, long line, const std::string& what) const {
  return (en_ ? "error: " : "lỗi: ") + file + ":" + std::to_string(line) + ": " + what;
}

}  // namespace luutru::indexer
