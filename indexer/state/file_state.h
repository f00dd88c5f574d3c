// What the index remembers of each PDF, kept in the Xapian database itself (metadata) so that it
// commits atomically with the file's documents: a run killed at any moment leaves state and
// documents that agree.
#ifndef LUUTRU_INDEXER_FILE_STATE_H_
#define LUUTRU_INDEXER_FILE_STATE_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace luutru::indexer {

struct FileState {
  std::string file;  // relative to its PATH (the documents' FileTerm)
  std::string path;  // absolute path when indexed
  std::string root;  // the PATH it was found under, absolute
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  std::string hash;         // FileContentHash
  std::string rows_digest;  // RowsDigest of the catalog rows applied
  int pages = 0;
};

// Metadata key of a file's state: "f:" and a hash of the relative file (keys have a short limit).
std::string FileStateKey(std::string_view file);
inline constexpr std::string_view kFileStatePrefix = "f:";

std::string EncodeFileState(const FileState& state);
std::optional<FileState> DecodeFileState(std::string_view data);  // nullopt if not ours

// Every file state in `db`, by relative file.
std::map<std::string, FileState> LoadFileStates(const Xapian::Database& db);

// A file that was never indexed because its bytes cannot be (not a PDF, damaged, encrypted):
// remembered so that an unchanged archive is not read again to fail again. Only `file`, `path`,
// `size` and `mtime_ns` of the FileState are used, and `reason`.
struct FileFailure {
  FileState file;
  std::string reason;
};
std::string FileFailureKey(std::string_view file);
inline constexpr std::string_view kFileFailurePrefix = "x:";
std::string EncodeFileFailure(const FileFailure& failure);
std::map<std::string, FileFailure> LoadFileFailures(const Xapian::Database& db);

// Hex digest (xxh3-128) of a file's bytes. Throws std::runtime_error when it cannot be read.
std::string FileContentHash(const std::filesystem::path& path);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_FILE_STATE_H_
