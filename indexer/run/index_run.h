// One run of luutru-index, in named steps:
//   collect  every PATH checked before anything is touched, the folders walked, the PDFs found;
//   decide   per file: new, changed, unchanged, catalog edited or moved (re-applied from the
//            stored pages), failed before and not changed since;
//   extract  the files that need it, in worker processes (worker_pool.h);
//   delete   the files gone from a folder that was walked in full;
//   commit   the last batch.
// Every change goes through the IndexWriter (index_writer.h), which keeps the database consistent
// after a kill at any moment.
//
// The library never prints: what a run has to say as it goes reaches a RunListener, and the run
// returns its summary, or the error that stopped it, as a value for the program to show.
#ifndef LUUTRU_INDEXER_INDEX_RUN_H_
#define LUUTRU_INDEXER_INDEX_RUN_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "indexer/extract/extract.h"
#include "indexer/ocr/ocr.h"
#include "indexer/run/messages.h"

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
  int max_pages = kDefaultMaxPages;               // per file (extract.h)
  int max_file_seconds = kDefaultMaxFileSeconds;  // per file
  // Changes a commit holds at most (index_writer.h): a kill loses at most this much work. Small
  // batches let a test kill a run between commits.
  int batch_documents = 200;
  Lang language = Lang::kVi;
  std::filesystem::path program;  // this executable, run again as a worker
  // The handwritten digit model the workers read header digits with (digit_model.h); empty
  // when none was found: a notice says so and Tesseract reads them alone.
  std::filesystem::path digit_model;
  WorkerFaults test_faults;  // tests only (extract.h): empty in a real run
};

// What a run says as it goes, already in the run's language; the program shows it.
class RunListener {
 public:
  virtual ~RunListener() = default;
  // One message for the archivist: a failed file, a skipped entry, a catalog warning, cut text.
  virtual void Notice(const std::string& line) = 0;
  // How far the run is; `total` 0 when not known.
  virtual void Progress(long done, long total, const std::string& label) = 0;
};

// Why a run stopped (exit status 2). `message` is in the run's language and says whether batches
// committed before it stay in the index.
struct RunError {
  enum class Kind {
    kCatalog,   // the catalog CSV cannot be read
    kPath,      // a PATH or --jsonl file is missing or cannot be read: nothing was touched
    kReport,    // the --report file cannot be written: nothing was touched
    kDatabase,  // the database cannot be opened or written
    kStopped,   // anything else that stopped the run half way (a worker that cannot be started)
  };
  Kind kind;
  std::string message;
};

struct RunOutcome {
  Summary summary;
  long repeated_lines = 0;        // --jsonl lines that gave a document again (Messages::JsonlRepeated)
  std::optional<RunError> error;  // the run stopped; `summary` is then incomplete

  // 0 every file (or JSONL line) indexed, 1 some failed (each said to the listener with its
  // reason) and the rest indexed, 2 the run stopped.
  int ExitStatus() const { return error ? 2 : summary.failed > 0 ? 1 : 0; }
};

RunOutcome RunIndex(const IndexOptions& options, RunListener& listener);
RunOutcome RunJsonl(const IndexOptions& options, RunListener& listener);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_INDEX_RUN_H_
