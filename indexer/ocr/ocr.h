// OCR of scanned pages with Tesseract, and the choice of which pages need it.
//
// One OcrEngine per worker process (Tesseract instances are independent; its own OpenMP threads
// are kept off, since on few cores they spin). Results are cached by page content so that a
// re-index, --full or a moved file never OCRs the same page twice.
#ifndef LUUTRU_INDEXER_OCR_H_
#define LUUTRU_INDEXER_OCR_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.h"

namespace poppler {
class document;
class page;
}  // namespace poppler

namespace luutru::indexer {

enum class OcrMode { kAuto, kAlways, kNever };

// A recognised word and its box in page coordinates (PDF points, origin top left).
struct OcrWord {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float confidence = 0;  // 0-100
};

struct OcrPage {
  std::string text;            // UTF-8 in NFC, lines separated by '\n'
  double mean_confidence = 0;  // Tesseract MeanTextConf, 0-100
  std::vector<OcrWord> words;
  bool from_embedded_image = false;  // read from the scan's own image, not a rendering
  double image_dpi = 0;              // resolution of the image Tesseract read
  // The handwritten digits of a header form found on the page (header_digits.h).
  std::optional<catalog::HeaderDigits> header_digits;
};

// Which image of a page Tesseract reads.
struct OcrImageOptions {
  // The scan's embedded image at its own resolution when the page is one image; false renders
  // every page at 300 dpi (the benchmark's comparison).
  bool embedded_image = true;
  // Embedded images below this resolution are scaled up to 300 dpi before OCR (0: never).
  double upscale_below_dpi = 0;
};

// True when the page's text layer does not carry its content: no text, or only a short stamp or
// signature line over a page-sized image. `text_layer` is what the text layer gave for the page.
// A short text layer is settled by rendering the page coarsely, unless `image_pixels` (asked
// only then) tells that the page's images hold too few pixels to be a scan of it; an empty
// function or std::nullopt means unknown.
bool PageNeedsOcr(const poppler::page& page, std::string_view text_layer,
                  const std::function<std::optional<std::uint64_t>()>& image_pixels = {});

// Tesseract's UTF-8 output made fit to index: NFC, "Ð" (eth, a common misreading) as "Đ", and
// every character that is not a Vietnamese or ASCII letter, a digit, punctuation or white space
// removed (Tesseract emits stray symbols for specks, rules and stamps). Spaces are collapsed.
std::string CleanOcrText(std::string_view utf8);

class OcrEngine {
 public:
  // `languages` as Tesseract takes them ("vie", "vie+eng", "script/Vietnamese").
  // Throws std::runtime_error naming the language when its data is missing. Made for a process
  // that does OCR: it keeps OpenMP on one thread and has malloc keep freed memory (up to 256 MiB)
  // for the next page, process-wide.
  // `digit_model` is the file of the handwritten digit model (digit_model.h) that reads a
  // header's digits beside Tesseract; empty, missing or unreadable, Tesseract reads them alone.
  explicit OcrEngine(const std::string& languages, OcrImageOptions image = {},
                     const std::filesystem::path& digit_model = {});
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Recognises page `index` (0-based) of `doc`, loaded from the file `pdf`: from the scan's own
  // image when the page is one image (see embedded_image.h), otherwise from a 300 dpi grey
  // rendering. Word boxes are in PDF points, origin top left, either way.
  // Throws std::out_of_range for a page outside the document, std::runtime_error when Poppler or
  // Tesseract fails on it.
  OcrPage Recognize(const std::filesystem::path& pdf, const poppler::document& doc, int index);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Cache of OCR results inside the database folder, keyed by PageKey.
class OcrCache {
 public:
  explicit OcrCache(std::filesystem::path dir);
  std::optional<OcrPage> Find(const std::string& key) const;
  void Store(const std::string& key, const OcrPage& page);  // atomic: write, then rename

  // Key of page `index` of a file whose bytes hash to `file_hash`, read in `languages`, and
  // with the handwritten digit model when `digit_model` (its header digits differ).
  static std::string PageKey(std::string_view file_hash, int index, std::string_view languages,
                             bool digit_model = false);

 private:
  std::filesystem::path dir_;
};

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_OCR_H_
