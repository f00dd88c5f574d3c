// The catalog CSV (docs/contract.md, "Catalog CSV"): the archive's own description of its files.
//
// UTF-8 (a byte-order mark is accepted), RFC 4180, a header row, columns in any order; `file` is
// required. Non-empty cells override what the indexer extracts from the text. The file is read as
// a stream and checked, not trusted: bytes that are not UTF-8 are refused with their line and a
// hint to convert, and columns it does not know are named in a warning. Its rows are kept in a
// private SQLite database in the temporary folder (removed when the Catalog goes, even by a kill),
// so the memory a catalog takes is bounded whatever its size: a file's rows are read when asked.
#ifndef LUUTRU_CATALOG_CATALOG_CSV_H_
#define LUUTRU_CATALOG_CATALOG_CSV_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "catalog/model.h"

struct sqlite3;

namespace luutru::catalog {

// Thrown with a message naming the file, the line and the reason.
class CatalogError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One row of the catalog.
struct CatalogEntry {
  std::string file;                          // relative to the catalog's folder, '/'-separated
  std::optional<std::pair<int, int>> pages;  // page_range "3-7"
  StorageUnit unit;                          // empty strings where the row has no value
  DocumentMetadata meta;                     // only the cells present and non-empty
  int64_t order = 0;                         // row number, from 0
  int64_t line = 0;                          // the line of the file the row starts on, from 1
};

// The catalog's columns, `file` first (the one that is required).
const std::vector<std::string>& CatalogColumns();

class Catalog {
 public:
  // Reads and validates `csv_path`. Throws CatalogError (also when its rows cannot be kept: a
  // full temporary folder).
  static Catalog Load(const std::filesystem::path& csv_path);

  // What was read but deserves a word (a column that is not a catalog column), without the
  // "warning" label; each names the file.
  const std::vector<std::string>& warnings() const { return warnings_; }
  const std::filesystem::path& path() const { return path_; }
  // Calls `visit` with every file the catalog has rows for, in name (byte) order, and the line
  // its first row starts on. Throws CatalogError if the rows cannot be read back.
  void ForEachFile(const std::function<void(const std::string& file, int64_t first_line)>& visit) const;

  // The rows for `file` (relative to folder()), in row order; empty when it has none. Throws
  // CatalogError if the rows cannot be read back.
  std::vector<CatalogEntry> EntriesFor(const std::string& file) const;
  const std::filesystem::path& folder() const { return folder_; }
  size_t size() const { return size_; }
  // A digest of the file's bytes: an edited catalog re-applies its values.
  const std::string& digest() const { return digest_; }

 private:
  std::filesystem::path path_, folder_;
  std::vector<std::string> warnings_;
  std::shared_ptr<sqlite3> rows_;  // table `rows`, one row a catalog row, indexed by file
  size_t size_ = 0;
  std::string digest_;
};

// Applies the non-empty values of `entry` over `doc` (unit and metadata).
void ApplyCatalogEntry(const CatalogEntry& entry, ArchiveDocument& doc);

}  // namespace luutru::catalog

#endif  // LUUTRU_CATALOG_CATALOG_CSV_H_
