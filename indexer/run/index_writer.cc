// IndexWriter.
#include "indexer/run/index_writer.h"

#include "catalog/schema.h"

namespace luutru::indexer {
namespace {

// Xapian holds a batch's postings in memory until it commits: a batch also ends after this much
// text, so the memory of a run follows the batch, not the size of the files in it.
constexpr size_t kBatchTextBytes = 16 << 20;

}  // namespace

IndexWriter::IndexWriter(Xapian::WritableDatabase& db, int batch_documents, int batch_seconds)
    : db_(db),
      batch_documents_(batch_documents),
      batch_seconds_(batch_seconds),
      last_commit_(std::chrono::steady_clock::now()) {}

void IndexWriter::ReplaceFile(const std::string& file, const std::vector<catalog::ArchiveDocument>& docs,
                              const FileState& state) {
  db_.delete_document(catalog::schema::FileTerm(file));
  for (const catalog::ArchiveDocument& d : docs) {
    db_.replace_document(catalog::schema::IdTerm(d), catalog::schema::BuildIndexDocument(d));
  }
  db_.set_metadata(FileStateKey(file), EncodeFileState(state));
  pending_ += static_cast<int>(docs.size()) + 1;
  for (const catalog::ArchiveDocument& d : docs) {
    for (const catalog::Page& p : d.pages) pending_text_ += p.text.size();
  }
  MaybeCommit();
}

void IndexWriter::SetFailure(const FileState& file, const std::string& reason) {
  db_.set_metadata(FileFailureKey(file.file), reason.empty() ? "" : EncodeFileFailure({file, reason}));
}

void IndexWriter::UpdateState(const FileState& state) {
  db_.set_metadata(FileStateKey(state.file), EncodeFileState(state));
  ++pending_;
}

void IndexWriter::DeleteFile(const std::string& file) {
  db_.delete_document(catalog::schema::FileTerm(file));
  db_.set_metadata(FileStateKey(file), "");
  ++pending_;
  MaybeCommit();
}

void IndexWriter::AddDocument(const catalog::ArchiveDocument& doc, Xapian::Document xdoc) {
  db_.replace_document(catalog::schema::IdTerm(doc), xdoc);
  ++pending_;
  MaybeCommit();
}

void IndexWriter::MaybeCommit() {
  if (pending_ >= batch_documents_ || pending_text_ >= kBatchTextBytes ||
      std::chrono::steady_clock::now() - last_commit_ >= std::chrono::seconds(batch_seconds_)) {
    Commit();
  }
}

void IndexWriter::Commit() {
  db_.commit();
  committed_any_ = committed_any_ || pending_ > 0;
  pending_ = 0;
  pending_text_ = 0;
  last_commit_ = std::chrono::steady_clock::now();
}

}  // namespace luutru::indexer
