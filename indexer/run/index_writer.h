// IndexWriter: the one writer of a run, and the owner of its kill-safety promise.
//
// Invariant: a file's documents and its FileState (file_state.h) change in the same Xapian
// transaction. Xapian commits atomically, and every change goes through this class, which commits
// only once a file's changes are all made (never half way through ReplaceFile), so a run killed at
// any moment leaves, for every file, either its old documents with its old state or its new
// documents with its new state. The next run compares each file with its committed state and
// redoes only what the last commit did not hold.
//
// A batch ends after `batch_documents` changes, `batch_seconds` or 16 MB of text: a kill loses at
// most one batch of work, and Xapian's memory follows the batch, not the size of the files in it.
#ifndef LUUTRU_INDEXER_INDEX_WRITER_H_
#define LUUTRU_INDEXER_INDEX_WRITER_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "catalog/model.h"
#include "indexer/state/file_state.h"

namespace luutru::indexer {

class IndexWriter {
 public:
  IndexWriter(Xapian::WritableDatabase& db, int batch_documents, int batch_seconds);

  // Replaces every document of `file` with `docs`, and its state with `state`.
  void ReplaceFile(const std::string& file, const std::vector<catalog::ArchiveDocument>& docs, const FileState& state);
  // A file whose state changed but not its documents (the same bytes, a new modification time).
  void UpdateState(const FileState& state);
  // A file gone from its folder: its documents and its state.
  void DeleteFile(const std::string& file);
  // A file that cannot be indexed, or no longer is remembered as failing (`reason` empty). It has
  // no documents, so it commits with whatever batch comes next.
  void SetFailure(const FileState& file, const std::string& reason);
  // One document of a --jsonl run, which keeps no file state.
  void AddDocument(const catalog::ArchiveDocument& doc, Xapian::Document xdoc);

  // Commits when the batch is full or old enough; always between files.
  void MaybeCommit();
  void Commit();
  // Something was committed during this run (a later error leaves it in the index).
  bool committed_any() const { return committed_any_; }

 private:
  Xapian::WritableDatabase& db_;
  int batch_documents_, batch_seconds_;
  int pending_ = 0;
  size_t pending_text_ = 0;  // text bytes of the documents not yet committed
  bool committed_any_ = false;
  std::chrono::steady_clock::time_point last_commit_;
};

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_INDEX_WRITER_H_
