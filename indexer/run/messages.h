// The indexer's human-readable messages, in Vietnamese by default and in English when LANG
// starts with "en" or --lang en is given (docs/contract.md).
#ifndef LUUTRU_INDEXER_MESSAGES_H_
#define LUUTRU_INDEXER_MESSAGES_H_

#include <cstdint>
#include <string>

#include "cli/language.h"

namespace luutru::indexer {

using cli::Lang;

// From --lang (may be empty) and the LANG environment variable.
Lang ChooseLang(const std::string& flag);

struct Summary {
  long files = 0, documents = 0, pages = 0, unchanged = 0, failed = 0, deleted = 0;
  long skipped = 0;  // walk entries not indexed on purpose (devices, links not followed)
  double seconds = 0;
};

// Why the walk leaves an entry aside (Messages::Skipped's `detail` in brackets).
enum class SkipKind {
  kLoop,        // a link to a folder that holds the link [the folder]
  kOutside,     // a link out of the PATHs, without --follow-links [its target]
  kSeen,        // a link to what the walk already took [its target]
  kSpecial,     // a device, FIFO or socket [its kind, in English]
  kBrokenLink,  // a link that leads nowhere [its target]
};

class Messages {
 public:
  explicit Messages(Lang lang) : en_(lang == Lang::kEn) {}
  // `remembered`: the file failed so in an earlier run and has not changed since (not read again).
  std::string FileFailed(const std::string& file, const std::string& reason, bool kept, bool remembered = false) const;
  std::string MissingPath(const std::string& path, const std::string& reason) const;
  std::string UnreadableFolder(const std::string& path) const;
  std::string DatabaseError(const std::string& what, bool committed_before) const;
  std::string CatalogError(const std::string& what) const;
  // `path` (already shown) cannot be written as the --report file.
  std::string ReportError(const std::string& path) const;
  // Something other than the database stopped the run half way (a worker that cannot be started).
  std::string RunStopped(const std::string& what, bool committed_before) const;
  std::string Progress(long done, long total) const;
  std::string SummaryLine(const Summary& s) const;
  std::string JsonlError(const std::string& file, long line, const std::string& what) const;

  // `path` is already shown (ShowName). The English reason is also what the report carries.
  std::string Skipped(const std::string& path, SkipKind kind, const std::string& detail) const;
  static std::string SkipReasonEnglish(SkipKind kind, const std::string& detail);
  // Pages (1-based) whose text was larger than the `limit` bytes kept a page; `largest` in bytes,
  // 0 when not known.
  std::string TextCut(const std::string& file, const std::string& pages, size_t limit, uint64_t largest) const;
  // The file's text reached the `limit` bytes kept a file at page `from` (1-based).
  std::string FileTextCut(const std::string& file, int from, size_t limit) const;
  // The progress line while files are extracted: "12/40 files · a/b.pdf page 37/300".
  std::string ProgressAt(long done, long total, const std::string& file, int page, int pages) const;
  std::string CatalogWarning(const std::string& what) const;
  // The handwritten digit model was not found beside the worker.
  std::string NoDigitModel() const;
  std::string CatalogRowMissing(const std::string& csv, long line, const std::string& file) const;
  // JSONL lines that gave a document an earlier line gave too (the last one is kept).
  std::string JsonlRepeated(long lines) const;

 private:
  // Said after an error in mid-run: what was committed before it stays.
  std::string CommittedNote(bool committed_before) const;

  bool en_;
};

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_MESSAGES_H_
