// Extraction in worker processes, so that a PDF that crashes, hangs or exhausts memory inside
// Poppler or Tesseract costs that one file and never the run or the database.
//
// The pool starts `jobs` workers (the luutru-index-worker program, over a socket
// pair), hands each one file at a time, reuses them across files and starts a new one when one
// dies. Each file has a time limit that grows with its page count (a 300-page unit scan is not a
// hang) up to a total per file, and each worker an address-space limit (off in sanitizer builds,
// which reserve huge address space). The messages are in worker_protocol.h; a file's pages come
// one frame each, so the main process never parses a whole file's text at once.
#ifndef LUUTRU_INDEXER_WORKER_POOL_H_
#define LUUTRU_INDEXER_WORKER_POOL_H_

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "indexer/extract/extract.h"
#include "indexer/workers/worker_protocol.h"

namespace luutru::indexer {

// The worker's main loop on `fd` (extract_worker.cc); returns the process exit status.
int RunWorker(int fd);

// The per-file time limit: 60 s to open the file plus 30 s a page, at most `max_seconds`.
int FileTimeLimitSeconds(int pages, int max_seconds = kDefaultMaxFileSeconds);

struct WorkerJob {
  uint64_t tag = 0;
  std::filesystem::path path;
};

struct WorkerResult {
  uint64_t tag = 0;
  std::optional<ExtractedFile> file;  // empty on failure
  std::string error;                  // "killed by signal 11", "timed out after 90 s", ...
  // The worker read the file and said why it cannot be indexed ("encrypted ..."): the same bytes
  // fail the same way again. False when it crashed, hung or ran out of memory.
  bool reported = false;
};

class WorkerPool {
 public:
  // `program` is the worker executable (luutru-index-worker).
  WorkerPool(int jobs, ExtractOptions options, std::filesystem::path program);
  ~WorkerPool();  // stops every worker
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  bool HasIdle() const;
  size_t busy() const;
  void Submit(WorkerJob job);  // requires HasIdle()
  // Waits at most `timeout_ms` for workers to finish; returns what finished or failed.
  std::vector<WorkerResult> Wait(int timeout_ms);

  // What a busy worker is on, for the progress line: page is 1-based, 0 while the file opens.
  struct Activity {
    uint64_t tag = 0;
    int page = 0;
    int pages = 0;
  };
  std::vector<Activity> Working() const;

 private:
  struct Worker {
    pid_t pid = -1;
    int fd = -1;
    bool busy = false;
    WorkerJob job;
    std::chrono::steady_clock::time_point deadline;
    std::chrono::steady_clock::time_point started;
    int limit_seconds = 0;
    bool memory_exhausted = false;
    int page = 0, pages = 0;
    ExtractedFile received;  // pages come a frame each, then "done"
  };
  void Spawn(Worker& w);
  void Stop(Worker& w, bool kill_it);
  std::string Reap(Worker& w);  // waits for a dead worker, says how it died

  ExtractOptions options_;
  std::filesystem::path program_;
  std::vector<Worker> workers_;
};

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_WORKER_POOL_H_
