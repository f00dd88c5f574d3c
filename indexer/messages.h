// The indexer's human-readable messages, in Vietnamese by default and in English when LANG
// starts with "en" or --lang en is given (docs/contract.md).
#ifndef LUUTRU_INDEXER_MESSAGES_H_
#define LUUTRU_INDEXER_MESSAGES_H_

#include <string>

namespace luutru::indexer {

enum class Language { kVietnamese, kEnglish };

// From --lang (may be empty) and the LANG environment variable.
Language ChooseLanguage(const std::string& flag);

struct Summary {
  long files = 0, documents = 0, pages = 0, unchanged = 0, failed = 0, deleted = 0;
  double seconds = 0;
};

class Messages {
 public:
  explicit Messages(Language lang) : en_(lang == Language::kEnglish) {}
  // `remembered`: the file failed so in an earlier run and has not changed since (not read again).
  std::string FileFailed(const std::string& file, const std::string& reason, bool kept,
                         bool remembered = false) const;
  std::string MissingPath(const std::string& path, const std::string& reason) const;
  std::string UnreadableFolder(const std::string& path) const;
  std::string DatabaseError(const std::string& what, bool committed_before) const;
  std::string CatalogError(const std::string& what) const;
  std::string Progress(long done, long total) const;
  std::string SummaryLine(const Summary& s) const;
  std::string JsonlError(const std::string& file, long line, const std::string& what) const;

 private:
  bool en_;
};

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_MESSAGES_H_
