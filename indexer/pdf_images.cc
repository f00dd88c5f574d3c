#include "indexer/pdf_images.h"

// qpdf 11: this code uses std::shared_ptr only, never the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <stdexcept>
#include <string>

namespace luutru::indexer {
namespace {

std::uint64_t Dimension(QPDFObjectHandle dict, const char* key) {
  QPDFObjectHandle v = dict.getKey(key);
  if (!v.isInteger()) return 0;
  const long long n = v.getIntValue();
  return n > 0 ? static_cast<std::uint64_t>(n) : 0;
}

}  // namespace

PdfImageCensus::PdfImageCensus(const std::filesystem::path& path) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.string().c_str());
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
      std::uint64_t pixels = 0;
      // Recursive: scans are sometimes wrapped in a form XObject.
      page.forEachImage(true, [&pixels](QPDFObjectHandle& image, QPDFObjectHandle&, const std::string&) {
        QPDFObjectHandle dict = image.getDict();
        pixels += Dimension(dict, "/Width") * Dimension(dict, "/Height");
      });
      pixels_.push_back(pixels);
    }
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("qpdf cannot read the page tree: ") + e.what());
  }
}

std::uint64_t PdfImageCensus::ImagePixels(int index) const {
  if (index < 0 || index >= pages()) return 0;
  return pixels_[static_cast<size_t>(index)];
}

}  // namespace luutru::indexer
