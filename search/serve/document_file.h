// A document's PDF for download: the file itself when the document fills it, otherwise a new PDF
// of the document's pages only (qpdf), so a file bound from several documents never hands out
// pages of another one, which may be above the reader's clearance.
#ifndef LUUTRU_SEARCH_SERVE_DOCUMENT_FILE_H_
#define LUUTRU_SEARCH_SERVE_DOCUMENT_FILE_H_

#include <stdexcept>
#include <string>

#include "catalog/model.h"

namespace luutru::serve {

// The file cannot be read or split; what() gives the reason, never the file's path.
class DocumentFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The PDF bytes of pages first_page..last_page of `doc`'s file. Throws DocumentFileError.
std::string DocumentPdf(const catalog::ArchiveDocument& doc);

// A file name for the download, ASCII letters, digits, '-', '_' and '.' only: the file's name
// with its page range when the document is part of the file.
std::string DownloadName(const catalog::ArchiveDocument& doc);

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_DOCUMENT_FILE_H_
