// Extractor: Poppler text layer -> reading order -> legacy repair -> OCR fallback -> NFC text.
#include "indexer/extract/extract.h"

#include <poppler-document.h>
#include <poppler-page.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <algorithm>
#include <optional>
#include <stdexcept>

#include "indexer/documents/page_text.h"
#include "indexer/extract/oversized_page.h"
#include "indexer/ocr/pdf_images.h"
#include "tokenizers/legacy_encoding.h"
#include "tokenizers/normalize.h"

namespace luutru::indexer {
namespace {

// poppler::ustring::to_utf8 opens an iconv converter on every call, a tenth of the extraction
// time when called per word.
std::string Utf8(const poppler::ustring& utf16) {
  std::string out;
  out.reserve(utf16.size());
  const int32_t length = static_cast<int32_t>(utf16.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U16_NEXT(utf16.data(), i, length, c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;  // an unpaired surrogate
    char bytes[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(bytes, n, c);
    out.append(bytes, static_cast<size_t>(n));
  }
  return out;
}

// The text layer's words, with their font names when `flags` asks Poppler for them.
std::vector<TextLayerWord> ReadWords(const poppler::page& page, int flags) {
  std::vector<TextLayerWord> words;
  for (const poppler::text_box& box : page.text_list(flags)) {
    const poppler::rectf r = box.bbox();
    TextLayerWord w;
    w.text = Utf8(box.text());
    w.x0 = r.left();
    w.y0 = r.top();
    w.x1 = r.right();
    w.y1 = r.bottom();
    w.font_name = box.get_font_name();
    w.space_after = box.has_space_after();
    words.push_back(std::move(w));
  }
  return words;
}

// The smallest well-formed PDF: one empty page.
constexpr char kEmptyPdf[] =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 1 1]>>endobj\n"
    "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
    "trailer<</Size 4/Root 1 0 R>>\nstartxref\n160\n%%EOF\n";

}  // namespace

Extractor::Extractor(ExtractOptions options)
    : options_(std::move(options)), resident_(poppler::document::load_from_raw_data(kEmptyPdf, sizeof kEmptyPdf - 1)) {
  if (!options_.ocr_cache_dir.empty()) cache_ = std::make_unique<OcrCache>(options_.ocr_cache_dir);
}

Extractor::~Extractor() = default;

ExtractedFile Extractor::Extract(const std::filesystem::path& path, const std::function<void(int)>& on_page_count,
                                 const std::function<void(int)>& on_page) {
  ExtractedFile result;
  result.content_hash = FileContentHash(path);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path.string()));
  if (!doc) throw std::runtime_error(kNotAPdf);
  if (doc->is_locked()) throw std::runtime_error(kEncrypted);
  const int n = doc->pages();
  if (n <= 0) throw std::runtime_error(kNoPages);
  if (n > options_.max_pages) {
    throw std::runtime_error(std::string(kTooManyPages) + std::to_string(n) + ", the limit is " +
                             std::to_string(options_.max_pages) + " a file (--max-pages)");
  }
  if (on_page_count) on_page_count(n);

  // Read once, and only when a page's short text layer raises the question; unknown
  // (std::nullopt) when qpdf cannot read a file that Poppler could.
  std::optional<PdfImageCensus> census;
  bool census_failed = false;
  auto read_census = [&]() {
    if (!census && !census_failed) {
      try {
        census.emplace(path);
        census_failed = census->pages() != n;
      } catch (const std::runtime_error&) {
        census_failed = true;
      }
    }
    return !census_failed;
  };
  auto image_pixels = [&](int index) -> std::optional<std::uint64_t> {
    if (!read_census()) return std::nullopt;
    return census->ImagePixels(index);
  };

  OversizedPages oversized(path);
  bool legacy_file = false;
  size_t file_text = 0;  // bytes kept so far, at most kMaxFileTextBytes
  for (int i = 0; i < n; ++i) {
    if (on_page) on_page(i);
    std::unique_ptr<poppler::page> p(doc->create_page(i));
    ExtractedPage out;
    if (!p) {
      out.page.source = catalog::TextSource::kNone;
      result.pages.push_back(std::move(out));
      continue;
    }
    // A page showing far more text than is kept is read from a copy cut short (oversized_page.h);
    // Poppler reads the copy's bytes in place, so `cut` outlives `cut_doc`.
    const std::optional<CutPage> cut = oversized.Cut(i);
    std::unique_ptr<poppler::document> cut_doc;
    std::unique_ptr<poppler::page> cut_page;
    if (cut) cut_doc.reset(poppler::document::load_from_raw_data(cut->pdf.data(), static_cast<int>(cut->pdf.size())));
    if (cut_doc && cut_doc->pages() == 1) cut_page.reset(cut_doc->create_page(0));
    const poppler::page& layer_page = cut_page ? *cut_page : *p;
    // Font names cost Poppler a second pass over the page's fonts; only text that may be set in
    // a legacy 8-bit font needs them, and once a page did, the rest of the file likely does.
    std::vector<TextLayerWord> words;
    if (!legacy_file) {
      words = ReadWords(layer_page, 0);
      legacy_file = std::any_of(words.begin(), words.end(),
                                [](const TextLayerWord& w) { return tokenizers::MayBeLegacyText(w.text); });
    }
    if (legacy_file) words = ReadWords(layer_page, poppler::page::text_list_include_font);
    const poppler::rectf size = p->page_rect(poppler::media_box);
    const PageText layer = BuildPageText(words, size.width(), size.height(), true);
    out.page = AnalyzeTextLayer(layer.text, layer.legacy_font);

    // A page that draws nothing (an empty content stream, a page bomb's page) is blank without
    // rendering or OCR; one that draws anything is left to the usual choice.
    const bool blank =
        out.page.text.empty() && options_.ocr != OcrMode::kNever && read_census() && census->DrawsNothing(i);
    const bool ocr =
        !blank &&
        (options_.ocr == OcrMode::kAlways ||
         (options_.ocr == OcrMode::kAuto && PageNeedsOcr(*p, out.page.text, [&] { return image_pixels(i); })));
    if (ocr) {
      const std::string key =
          OcrCache::PageKey(result.content_hash, i, options_.ocr_languages, !options_.digit_model.empty());
      std::optional<OcrPage> page;
      if (cache_) page = cache_->Find(key);
      if (page) {
        out.ocr_from_cache = true;
      } else {
        if (!ocr_) ocr_ = std::make_unique<OcrEngine>(options_.ocr_languages, OcrImageOptions{}, options_.digit_model);
        page = ocr_->Recognize(path, *doc, i);
        if (cache_) cache_->Store(key, *page);
      }
      std::string text = tokenizers::NormalizeText(page->text);
      // OCR that found nothing keeps whatever the text layer had (a stamp is better than nothing).
      if (text.find_first_not_of(" \t\r\n") != std::string::npos || out.page.text.empty()) {
        // The scan's own image lacks what is drawn over it (an e-signature stamp in the text
        // layer): keep the text layer's words, after the OCR text so the header stays first.
        if (page->from_embedded_image && !out.page.text.empty()) text += "\n" + out.page.text;
        out.page.text = std::move(text);
        out.page.source = catalog::TextSource::kOcr;
        out.page.ocr_confidence = page->mean_confidence;
        out.page.header_digits = page->header_digits;
        for (const OcrWord& w : page->words) {
          out.page.words.push_back(catalog::WordBox{w.text, static_cast<float>(w.x0), static_cast<float>(w.y0),
                                                    static_cast<float>(w.x1), static_cast<float>(w.y1)});
        }
      }
    }
    const size_t limit = std::min(kMaxPageTextBytes, kMaxFileTextBytes - file_text);
    out.text_bytes = CapPageText(out.page, limit);
    if (cut_page) out.text_bytes = std::max<uint64_t>(out.text_bytes, cut->content_bytes);
    out.file_budget = out.text_bytes > 0 && limit < kMaxPageTextBytes;
    file_text += out.page.text.size();
    result.pages.push_back(std::move(out));
  }
  return result;
}

}  // namespace luutru::indexer
