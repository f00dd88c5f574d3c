// One run of luutru-index: walk the PATHs, decide per file (new, changed, unchanged, catalog
// edited, gone), extract in worker processes, and write through the single Xapian writer.
//
// The database is consistent after a kill at any moment: documents and per-file state commit
// together in batches, and rerunning redoes only what the last commit did not hold.
#ifndef LUUTRU_INDEXER_INDEX_RUN_H_
#define LUUTRU_INDEXER_INDEX_RUN_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "indexer/extract.h"
#include "indexer/messages.h"
#include "indexer/ocr.h"

namespace luutru::indexer {

struct IndexOptions {
  std::filesystem::path db;
  std::optional<std::filesystem::path> catalog;
  int jobs = 1;
  OcrMode ocr = OcrMode::kAuto;
  std::string ocr_languages = "vie";
  bool full = false;
  std::optional<std::filesystem::path> report;
  std::vector<std::string> paths;  // PDF folders or files
  std::vector<std::string> jsonl;  // pre-extracted documents instead of paths
  // The walk follows a link out of the PATHs only when asked (each folder at most once).
  bool follow_links = false;
  int max_pages = kDefaultMaxPages;              // per file (extract.h)
  int max_file_seconds = kDefaultMaxFileSeconds;  // per file
  Language language = Language::kVietnamese;
  std::filesystem::path program;  // this executable, run again as a worker
};

// Returns the exit status: 0 all indexed, 1 some files (or JSONL lines) failed, each named with its
// reason on stderr and the rest indexed, 2 usage, PATH, catalog or database error.
int RunIndex(const IndexOptions& options);
int RunJsonl(const IndexOptions& options);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_INDEX_RUN_H_
