#include "search/serve/document_file.h"

// qpdf 11: smart pointers are std::shared_ptr (no PointerHolder transition warnings).
#define POINTERHOLDER_TRANSITION 4

#include <filesystem>
#include <fstream>
#include <sstream>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace luutru::serve {

std::string DocumentPdf(const catalog::ArchiveDocument& doc) {
  try {
    QPDF in;
    in.processFile(doc.path.c_str());
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(in).getAllPages();
    const int count = static_cast<int>(pages.size());
    if (doc.first_page < 1 || doc.last_page > count || doc.first_page > doc.last_page) {
      throw DocumentFileError("the file no longer has pages " + std::to_string(doc.first_page) + "–" +
                              std::to_string(doc.last_page));
    }
    if (doc.first_page == 1 && doc.last_page == count) {
      std::ifstream file(doc.path, std::ios::binary);
      std::ostringstream bytes;
      bytes << file.rdbuf();
      if (!file && !file.eof()) throw DocumentFileError("the file cannot be read");
      return bytes.str();
    }
    QPDF out;
    out.emptyPDF();
    QPDFPageDocumentHelper out_pages(out);
    for (int p = doc.first_page; p <= doc.last_page; ++p) out_pages.addPage(pages[p - 1], false);
    QPDFWriter writer(out);
    writer.setOutputMemory();
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const DocumentFileError&) {
    throw;
  } catch (const std::exception&) {
    // qpdf's messages name the file's path, which a reader must not see.
    throw DocumentFileError("the file is missing or damaged");
  }
}

std::string DownloadName(const catalog::ArchiveDocument& doc) {
  std::string stem = std::filesystem::path(doc.file).stem().string();
  std::string name;
  for (char c : stem) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    name += ok ? c : '_';
  }
  if (name.empty()) name = "van-ban";
  if (doc.first_page != 1 || !doc.pages.empty()) {
    name += "-tr" + std::to_string(doc.first_page) + "-" + std::to_string(doc.last_page);
  }
  return name + ".pdf";
}

}  // namespace luutru::serve
