// The catalog CSV (docs/contract.md, "Catalog CSV"): the archive's own description of its files.
//
// UTF-8 (a byte-order mark is accepted), RFC 4180, a header row, columns in any order; `file` is
// required. Non-empty cells override what the indexer extracts from the text.
#ifndef LUUTRU_CATALOG_CATALOG_CSV_H_
#define LUUTRU_CATALOG_CATALOG_CSV_H_

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "catalog/model.h"

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
};

class Catalog {
 public:
  // Reads and validates `csv_path`. Throws CatalogError.
  static Catalog Load(const std::filesystem::path& csv_path);

  // The rows for `file` (relative to folder()), in row order; empty when it has none.
  const std::vector<CatalogEntry>& EntriesFor(const std::string& file) const;
  const std::filesystem::path& folder() const { return folder_; }
  size_t size() const { return size_; }
  // A digest of the file's bytes: an edited catalog re-applies its values.
  const std::string& digest() const { return digest_; }

 private:
  std::filesystem::path folder_;
  std::map<std::string, std::vector<CatalogEntry>> by_file_;
  size_t size_ = 0;
  std::string digest_;
};

// Applies the non-empty values of `entry` over `doc` (unit and metadata).
void ApplyCatalogEntry(const CatalogEntry& entry, ArchiveDocument& doc);

}  // namespace luutru::catalog

#endif  // LUUTRU_CATALOG_CATALOG_CSV_H_
