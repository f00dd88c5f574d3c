#include "indexer/ocr/pdf_images.h"

// qpdf 11: this code uses std::shared_ptr only, never the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <set>
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

// Stops at the first operator that paints.
class PaintFinder : public QPDFObjectHandle::ParserCallbacks {
 public:
  void handleObject(QPDFObjectHandle object) override {
    if (object.isInlineImage()) {
      paints_ = true;
    } else if (object.isOperator()) {
      static const std::set<std::string> kPainting = {"S",  "s",  "f", "F",  "f*", "B",  "B*", "b", "b*",
                                                      "Tj", "TJ", "'", "\"", "Do", "sh", "BI", "EI"};
      paints_ = kPainting.count(object.getOperatorValue()) > 0;
    }
    if (paints_) terminateParsing();
  }
  void handleEOF() override {}
  bool paints() const { return paints_; }

 private:
  bool paints_ = false;
};

}  // namespace

struct PdfImageCensus::Document {
  QPDF pdf;
  std::vector<QPDFPageObjectHelper> pages;
};

PdfImageCensus::PdfImageCensus(const std::filesystem::path& path) : pdf_(std::make_shared<Document>()) {
  try {
    QPDF& pdf = pdf_->pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.string().c_str());
    pdf_->pages = QPDFPageDocumentHelper(pdf).getAllPages();
    for (QPDFPageObjectHelper& page : pdf_->pages) {
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

bool PdfImageCensus::DrawsNothing(int index) const {
  if (index < 0 || index >= pages()) return false;
  try {
    QPDFPageObjectHelper& page = pdf_->pages[static_cast<size_t>(index)];
    QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
    if (annots.isArray() && annots.getArrayNItems() > 0) return false;
    PaintFinder finder;
    page.parseContents(&finder);
    return !finder.paints();
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace luutru::indexer
