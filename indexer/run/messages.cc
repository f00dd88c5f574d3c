// Messages in two languages.
#include "indexer/run/messages.h"

#include <cstdio>
#include <cstdlib>

namespace luutru::indexer {

Lang ChooseLang(const std::string& flag) {
  if (!flag.empty()) return flag.rfind("en", 0) == 0 ? Lang::kEn : Lang::kVi;
  const char* lang = std::getenv("LANG");
  if (lang && std::string(lang).rfind("en", 0) == 0) return Lang::kEn;
  return Lang::kVi;
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
  // "too many pages: 100000, the limit is 5000 a file (--max-pages)"
  const std::string pages = "too many pages: ", limit = ", the limit is ", tail = " a file (--max-pages)";
  if (reason.rfind(pages, 0) == 0) {
    const size_t at = reason.find(limit);
    if (at != std::string::npos && at + limit.size() + tail.size() <= reason.size() &&
        reason.compare(reason.size() - tail.size(), tail.size(), tail) == 0) {
      return "quá nhiều trang: " + reason.substr(pages.size(), at - pages.size()) + ", giới hạn là " +
             reason.substr(at + limit.size(), reason.size() - tail.size() - at - limit.size()) +
             " trang một tệp (--max-pages)";
    }
  }
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

std::string Messages::FileFailed(const std::string& file, const std::string& reason_en, bool kept,
                                 bool remembered) const {
  const std::string reason = en_ ? reason_en : VietnameseReason(reason_en);
  if (en_) {
    return "error: " + file + ": " + reason + (kept ? " (its previous index entry is kept)" : "") +
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
  return (en_ ? "error: database: " : "lỗi: cơ sở dữ liệu: ") + what + CommittedNote(committed_before);
}

std::string Messages::CommittedNote(bool committed_before) const {
  if (!committed_before) return "";
  return en_ ? " (batches committed before this point stay in the index)"
             : " (các lô đã ghi trước thời điểm này vẫn còn trong chỉ mục)";
}

std::string Messages::CatalogError(const std::string& what) const {
  return (en_ ? "error: catalog: " : "lỗi: danh mục: ") + what;
}

std::string Messages::ReportError(const std::string& path) const {
  return (en_ ? "error: cannot write the report " : "lỗi: không ghi được tệp báo cáo ") + path;
}

std::string Messages::RunStopped(const std::string& what, bool committed_before) const {
  return (en_ ? "error: the run stopped: " : "lỗi: lần chạy dừng lại: ") + what + CommittedNote(committed_before);
}

std::string Messages::Progress(long done, long total) const {
  return std::to_string(done) + "/" + std::to_string(total) + (en_ ? " files" : " tệp");
}

std::string Messages::SummaryLine(const Summary& s) const {
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.1f", s.seconds);
  std::string sec = secs;
  if (en_) {
    return "done: " + std::to_string(s.files) + " files, " + std::to_string(s.documents) + " documents, " +
           std::to_string(s.pages) + " pages, " + std::to_string(s.unchanged) + " skipped (unchanged), " +
           std::to_string(s.deleted) + " deleted, " + std::to_string(s.failed) + " failed, " +
           (s.skipped ? std::to_string(s.skipped) + " left aside (devices, FIFOs, sockets, links not followed), "
                      : "") +
           sec + " s";
  }
  for (char& c : sec)
    if (c == '.') c = ',';
  return "xong: " + std::to_string(s.files) + " tệp, " + std::to_string(s.documents) + " văn bản, " +
         std::to_string(s.pages) + " trang, " + std::to_string(s.unchanged) + " bỏ qua (không đổi), " +
         std::to_string(s.deleted) + " đã xóa, " + std::to_string(s.failed) + " lỗi, " +
         (s.skipped ? std::to_string(s.skipped) + " để ngoài (thiết bị, FIFO, socket, liên kết không đi theo), " : "") +
         sec + " giây";
}

std::string Messages::JsonlError(const std::string& file, long line, const std::string& what) const {
  return (en_ ? "error: " : "lỗi: ") + file + ":" + std::to_string(line) + ": " + what;
}

std::string Messages::SkipReasonEnglish(SkipKind kind, const std::string& detail) {
  switch (kind) {
    case SkipKind::kLoop: return "link to the folder " + detail + ", which holds the link (a loop); not followed";
    case SkipKind::kOutside:
      return "link out of the folders being indexed, to " + detail + "; not followed (--follow-links follows it)";
    case SkipKind::kSeen: return "link to " + detail + ", already indexed by another path; not followed again";
    case SkipKind::kSpecial: return detail + ", not a file; skipped";
    case SkipKind::kBrokenLink: return "link to " + detail + ", which does not exist; skipped";
  }
  return detail;
}

std::string Messages::Skipped(const std::string& path, SkipKind kind, const std::string& detail) const {
  if (en_) return "warning: " + path + ": " + SkipReasonEnglish(kind, detail);
  std::string why;
  switch (kind) {
    case SkipKind::kLoop:
      why = "liên kết tới thư mục " + detail + ", nơi chứa chính liên kết (vòng lặp); không đi theo";
      break;
    case SkipKind::kOutside:
      why = "liên kết ra ngoài các thư mục được lập chỉ mục, tới " + detail +
            "; không đi theo (--follow-links để đi theo)";
      break;
    case SkipKind::kSeen:
      why = "liên kết tới " + detail + ", đã lập chỉ mục theo đường khác; không đi theo lần nữa";
      break;
    case SkipKind::kSpecial: {
      const std::string kind_vi = detail == "character device" ? "thiết bị ký tự"
                                  : detail == "block device"   ? "thiết bị khối"
                                  : detail == "FIFO"           ? "ống FIFO"
                                                               : "socket";
      why = kind_vi + ", không phải tệp; bỏ qua";
      break;
    }
    case SkipKind::kBrokenLink: why = "liên kết tới " + detail + ", nơi không tồn tại; bỏ qua"; break;
  }
  return "cảnh báo: " + path + ": " + why;
}

std::string Messages::TextCut(const std::string& file, const std::string& pages, size_t limit, uint64_t largest) const {
  if (en_) {
    return "note: " + file + ": the text of page " + pages + " is larger than the " + std::to_string(limit) +
           " bytes kept a page" + (largest ? " (up to " + std::to_string(largest) + " bytes)" : "") +
           "; only the first " + std::to_string(limit) + " bytes are indexed";
  }
  return "lưu ý: " + file + ": văn bản của trang " + pages + " dài hơn " + std::to_string(limit) +
         " byte được giữ cho mỗi trang" + (largest ? " (tới " + std::to_string(largest) + " byte)" : "") + "; chỉ " +
         std::to_string(limit) + " byte đầu được lập chỉ mục";
}

std::string Messages::FileTextCut(const std::string& file, int from, size_t limit) const {
  if (en_) {
    return "note: " + file + ": the file's text reached the " + std::to_string(limit) + " bytes kept a file at page " +
           std::to_string(from) + "; the text from there on is not indexed";
  }
  return "lưu ý: " + file + ": văn bản của tệp đã tới " + std::to_string(limit) +
         " byte được giữ cho mỗi tệp ở trang " + std::to_string(from) + "; phần từ đó trở đi không được lập chỉ mục";
}

std::string Messages::ProgressAt(long done, long total, const std::string& file, int page, int pages) const {
  std::string out = Progress(done, total);
  if (file.empty()) return out;
  out += " · " + file;
  if (page > 0 && pages > 0) {
    out += (en_ ? " page " : " trang ") + std::to_string(page) + "/" + std::to_string(pages);
  }
  return out;
}

std::string Messages::CatalogWarning(const std::string& what) const {
  return (en_ ? "warning: catalog: " : "cảnh báo: danh mục: ") + what;
}

std::string Messages::NoDigitModel() const {
  if (en_)
    return "note: no handwritten digit model beside the extraction program: Tesseract alone reads the digits written into headers";
  return "lưu ý: không có mô hình chữ số viết tay cạnh chương trình trích xuất: chữ số viết tay ở phần đầu văn bản chỉ do Tesseract đọc";
}

std::string Messages::CatalogRowMissing(const std::string& csv, long line, const std::string& file) const {
  if (en_) {
    return "warning: catalog: " + csv + ":" + std::to_string(line) + ": no file " + file +
           " under the folders being indexed; the row is not used";
  }
  return "cảnh báo: danh mục: " + csv + ":" + std::to_string(line) + ": không có tệp " + file +
         " trong các thư mục được lập chỉ mục; dòng này không được dùng";
}

std::string Messages::JsonlRepeated(long lines) const {
  if (en_) {
    return "note: " + std::to_string(lines) +
           " lines gave a document (same file and pages) that an earlier line gave; the last one is kept";
  }
  return "lưu ý: " + std::to_string(lines) +
         " dòng trùng văn bản (cùng tệp và trang) với một dòng trước đó; giữ dòng sau cùng";
}

}  // namespace luutru::indexer
