#include "indexer/extract/oversized_page.h"

// qpdf 11: this code uses std::shared_ptr only, never the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <utility>
#include <vector>

namespace luutru::indexer {
namespace {

// Counts the bytes of a page's decoded content and keeps the first `keep` of them.
class ContentPrefix : public Pipeline {
 public:
  explicit ContentPrefix(size_t keep) : Pipeline("content prefix", nullptr), keep_(keep) {}
  void write(unsigned char const* data, size_t len) override {
    if (prefix_.size() < keep_)
      prefix_.append(reinterpret_cast<const char*>(data), std::min(len, keep_ - prefix_.size()));
    total_ += len;
  }
  void finish() override {}
  const std::string& prefix() const { return prefix_; }
  size_t total() const { return total_; }

 private:
  size_t keep_;
  std::string prefix_;
  size_t total_ = 0;
};

// Adds up the bytes of the strings text operators show; stops after the operator that passes
// `limit`, remembering where its last byte is.
class ShownText : public QPDFObjectHandle::ParserCallbacks {
 public:
  explicit ShownText(size_t limit) : limit_(limit) {}

  void handleObject(QPDFObjectHandle object, size_t offset, size_t length) override {
    if (object.isString()) {
      operands_ += object.getStringValue().size();
    } else if (object.isArray()) {
      for (QPDFObjectHandle& item : object.getArrayAsVector()) {
        if (item.isString()) operands_ += item.getStringValue().size();
      }
    } else if (object.isOperator()) {
      const std::string op = object.getOperatorValue();
      if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") shown_ += operands_;
      operands_ = 0;
      if (shown_ > limit_) {
        cut_ = offset + length;
        terminateParsing();
      }
    }
  }
  void handleEOF() override {}
  // The content's length up to the end of the operator that passed the limit; 0 if none did.
  size_t cut() const { return cut_; }

 private:
  size_t limit_;
  size_t operands_ = 0;  // string bytes among the operands read since the last operator
  size_t shown_ = 0;
  size_t cut_ = 0;
};

}  // namespace

struct OversizedPages::Document {
  QPDF pdf;
  std::vector<QPDFPageObjectHelper> pages;
};

OversizedPages::OversizedPages(std::filesystem::path path) : path_(std::move(path)) {}
OversizedPages::~OversizedPages() = default;

std::optional<CutPage> OversizedPages::Cut(int index) {
  if (failed_ || index < 0) return std::nullopt;
  try {
    if (!pdf_) {
      pdf_ = std::make_unique<Document>();
      pdf_->pdf.setSuppressWarnings(true);
      pdf_->pdf.processFile(path_.string().c_str());
      pdf_->pages = QPDFPageDocumentHelper(pdf_->pdf).getAllPages();
    }
    if (static_cast<size_t>(index) >= pdf_->pages.size()) return std::nullopt;
    QPDFPageObjectHelper& page = pdf_->pages[static_cast<size_t>(index)];
    ContentPrefix content(kScannedContentBytes);
    page.pipeContents(&content);
    if (content.total() <= kSuspectContentBytes) return std::nullopt;

    // The prefix is parsed as a stream of a scratch file, freed with it.
    ShownText shown(kMaxShownBytes);
    {
      QPDF scratch;
      scratch.emptyPDF();
      QPDFObjectHandle::parseContentStream(QPDFObjectHandle::newStream(&scratch, content.prefix()), &shown);
    }
    if (shown.cut() == 0) return std::nullopt;

    // The same page, alone in a new file, with the content read up to the cut. addPage copies the
    // page with its resources (and the attributes it inherits); its old content is then replaced,
    // so the write never reads it.
    QPDF one;
    one.emptyPDF();
    QPDFPageDocumentHelper(one).addPage(page, false);
    QPDFObjectHandle copy = QPDFPageDocumentHelper(one).getAllPages().front().getObjectHandle();
    copy.replaceKey("/Contents", QPDFObjectHandle::newStream(&one, content.prefix().substr(0, shown.cut())));
    QPDFWriter writer(one);
    writer.setOutputMemory();
    writer.write();
    std::shared_ptr<Buffer> written = writer.getBufferSharedPointer();
    CutPage cut;
    cut.pdf.assign(reinterpret_cast<const char*>(written->getBuffer()), written->getSize());
    cut.content_bytes = content.total();
    return cut;
  } catch (const std::exception&) {
    // qpdf cannot read what Poppler may: the page goes to Poppler as it is.
    failed_ = !pdf_ || pdf_->pages.empty();
    return std::nullopt;
  }
}

}  // namespace luutru::indexer
