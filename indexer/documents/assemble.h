// Turns the pages of one PDF into the archive's documents: splits by the catalog's page ranges,
// reads each document's header metadata from its first page, then lets catalog values override.
//
// Pure: the same pages and rows always give the same documents, which is what lets an edited
// catalog be re-applied from the pages stored in the index instead of extracting the PDF again.
#ifndef LUUTRU_INDEXER_ASSEMBLE_H_
#define LUUTRU_INDEXER_ASSEMBLE_H_

#include <string>
#include <vector>

#include "catalog/catalog_csv.h"
#include "catalog/model.h"

namespace luutru::indexer {

struct FileIdentity {
  std::string file;                   // relative to the PATH it was found under, '/'-separated
  std::string path;                   // absolute path
  catalog::StorageUnit default_unit;  // used where no catalog row names the unit
};

// The storage unit of a file without a catalog row: its folder relative to the PATH, or the
// PATH's own folder name for a file at the top of the PATH.
catalog::StorageUnit DefaultUnit(const std::string& relative_file, const std::string& root_name);

// `pages` are all pages of the file, in order. `rows` are the catalog's rows for the file (may be
// empty). A row with a page_range makes one document of those pages; pages no ranged row covers
// become documents of their own (one per contiguous run) so that no text is lost; a row without
// page_range applies to every document of the file. Ranges past the last page are clipped, rows
// wholly past it are ignored. `pages` is taken by value: a caller done with them moves them in,
// and a file's text is then held once.
std::vector<catalog::ArchiveDocument> AssembleDocuments(const FileIdentity& id, std::vector<catalog::Page> pages,
                                                        const std::vector<catalog::CatalogEntry>& rows);

// A digest of the rows that apply to a file: when it changes, the file's documents are rebuilt.
std::string RowsDigest(const std::vector<catalog::CatalogEntry>& rows);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_ASSEMBLE_H_
