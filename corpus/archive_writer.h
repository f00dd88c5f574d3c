// Writes a generated archive to disk: the PDFs (rendered in parallel), the broken inputs, and
// catalog.csv, truth.jsonl and queries.jsonl beside them; or, in scale mode, the --jsonl input
// of luutru-index without rendering anything.
#ifndef LUUTRU_CORPUS_ARCHIVE_WRITER_H_
#define LUUTRU_CORPUS_ARCHIVE_WRITER_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "corpus/archive_plan.h"
#include "corpus/document.h"

namespace luutru::corpus {

struct WriteSummary {
  std::map<std::string, int> documents_per_variant;
  std::map<std::string, int> files_per_variant;
  int pages = 0, broken = 0, queries = 0, scanned = 0;
};

// Renders and writes everything; returns false with `error` set when a file cannot be written.
bool WriteArchive(const std::filesystem::path& out, const PlanOptions& options, int jobs, WriteSummary* summary,
                  std::string* error);

// Scale mode: one JSON object a line per document, to `out` (a file path). Returns documents/s.
double WriteTextOnly(const std::filesystem::path& out, const PlanOptions& options, std::string* error);

}  // namespace luutru::corpus

#endif  // LUUTRU_CORPUS_ARCHIVE_WRITER_H_
