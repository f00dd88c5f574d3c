// Extraction of one PDF's pages: text layer in reading order, legacy-font repair, OCR where the
// text layer does not carry the page, normalization. Runs inside a worker process.
#ifndef LUUTRU_INDEXER_EXTRACT_H_
#define LUUTRU_INDEXER_EXTRACT_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.h"
#include "indexer/documents/page_text.h"
#include "indexer/ocr/ocr.h"
#include "indexer/state/file_state.h"

namespace luutru::indexer {

// Work bounds of one file, so that a page bomb costs seconds and the run goes on: a PDF with
// more pages than `max_pages` is refused as soon as its page count is known, and a file still
// being worked on after `max_file_seconds` is stopped (worker_pool.h).
inline constexpr int kDefaultMaxPages = 5000;
inline constexpr int kDefaultMaxFileSeconds = 3 * 3600;

// Faults a test makes a worker stage, to prove that a crash, a hang or an exhausted address space
// costs one file and never the run: each names the file (its last path component) the worker
// aborts on, hangs on or runs out of memory on. Only luutru-index's hidden --test-fault flag sets
// them; a real run leaves them empty.
struct WorkerFaults {
  std::string crash_on;
  std::string hang_on;
  std::string memory_on;
  bool Any() const { return !crash_on.empty() || !hang_on.empty() || !memory_on.empty(); }
};

struct ExtractOptions {
  OcrMode ocr = OcrMode::kAuto;
  std::string ocr_languages = "vie";
  std::filesystem::path ocr_cache_dir;  // empty: no cache
  std::filesystem::path digit_model;    // handwritten digit model (digit_model.h); empty: none
  int max_pages = kDefaultMaxPages;
  int max_file_seconds = kDefaultMaxFileSeconds;
  WorkerFaults faults;  // the worker's, not the Extractor's
};

struct ExtractedPage {
  catalog::Page page;
  bool ocr_from_cache = false;
  // The size of the page's text before it was cut to kMaxPageTextBytes, or to what was left of
  // kMaxFileTextBytes (then `file_budget`); 0 when it was not cut.
  uint64_t text_bytes = 0;
  bool file_budget = false;
};

struct ExtractedFile {
  std::string content_hash;  // FileContentHash()
  std::vector<ExtractedPage> pages;
};

// Extracts every page of one PDF. Keeps its OCR engine between files (created on first use).
class Extractor {
 public:
  explicit Extractor(ExtractOptions options);
  ~Extractor();

  // Throws std::runtime_error with a reason ("not a PDF or damaged", "encrypted", "has 100000
  // pages ...") on failure. `on_page_count` is called once the page count is known (the caller
  // scales its time limit), `on_page` before each page (0-based) is worked on.
  ExtractedFile Extract(const std::filesystem::path& path, const std::function<void(int)>& on_page_count = {},
                        const std::function<void(int)>& on_page = {});

 private:
  ExtractOptions options_;
  std::unique_ptr<OcrEngine> ocr_;
  std::unique_ptr<OcrCache> cache_;
  // poppler-cpp builds its global parameters when a first document opens and frees them when
  // the last one closes: a tenth of the extraction time when each file is the only one open.
  // This empty document stays open so that they are built once.
  std::unique_ptr<poppler::document> resident_;
};

// Why Extract fails on a file whose bytes cannot be indexed, whatever the machine: the same bytes
// fail the same way again. Other failures (an unreadable file, a missing OCR language) may not.
inline constexpr char kNotAPdf[] = "not a PDF or damaged";
inline constexpr char kEncrypted[] = "encrypted (password protected)";
inline constexpr char kNoPages[] = "has no pages";
// The start of the reason for a file over ExtractOptions::max_pages (it depends on a flag, so it
// is not remembered as failing for good).
inline constexpr char kTooManyPages[] = "too many pages: ";
inline bool FailsForGood(std::string_view reason) {
  return reason == kNotAPdf || reason == kEncrypted || reason == kNoPages;
}

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_EXTRACT_H_
