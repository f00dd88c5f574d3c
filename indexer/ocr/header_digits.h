// The digits an office writes by hand into the printed header of a document: the number before
// "/BC-UBND" on the "Số:" line, the day and month of "…, ngày … tháng … năm …".
//
// The printed words of the form anchor the places: Tesseract's page layout finds them (the label
// "Số:" also when the handwriting ran into it), and the room between them is cropped from the
// page image, scaled to a set height, binarized several ways (the day also sheared upright) and
// read as a single line by Tesseract restricted to digits, with two models whose errors differ.
// Each reading counts once, and also for the readings that are it with digits lost (handwriting
// read as a line loses digits); the reading most are consistent with is kept with that count and
// how many of the models gave it most, so the caller can tell a sure reading from a doubtful one.
// A third reader, when its model is there (digit_model.h), reads the room's marks one by one.
// Part of luutru_ocr; the page image and word boxes are Tesseract's, in pixels.
#ifndef LUUTRU_INDEXER_HEADER_DIGITS_H_
#define LUUTRU_INDEXER_HEADER_DIGITS_H_

#include <optional>
#include <string>
#include <vector>

#include "catalog/model.h"
#include "indexer/ocr/gray_image.h"

namespace tesseract {
class TessBaseAPI;
}  // namespace tesseract

namespace luutru::indexer {

// A word of the page's layout, in pixels of the image it was read from.
struct LayoutWord {
  std::string text;
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int slash_x0 = -1;  // left edge of the word's first '/', -1 when it has none
};

class DigitModel;

// A room of the page for handwritten digits, in pixels.
struct RoomBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int height() const { return y1 - y0; }
};

// The rooms of the day and the month on the header's "…, ngày … tháng … năm …" line, whose
// printed words are `line_height` pixels high; a room is absent where the printed words leave
// none.
struct DateRooms {
  std::optional<RoomBox> day, month;
  int line_height = 0;
};

// The date line of the upper part of `image` (the topmost: a recital citing a date comes below
// it), found from the printed words of `words`: the day between "ngày" and "tháng", the month
// between "tháng" and "năm". Where page OCR ran the handwriting into "ngày" or lost or misread
// it, the printed words end where their width in the line's type ("năm"'s) puts them, after the
// printed word before "tháng". nullopt when no such line is found.
std::optional<DateRooms> FindDateRooms(const GrayImage& image, const std::vector<LayoutWord>& words);

// Reads the header's handwritten digits from `image`, whose layout is `words`. `readers` are
// Tesseract instances with different models (their errors differ), which this function sets up
// for digit lines (whitelist, single line) and leaves cleared; every rendering is read by each.
// `model` (digit_model.h), when given, reads the room's marks one by one as a third reader.
// Returns nullopt when the page shows neither a "Số: …/…" line nor a "ngày … tháng … năm" line
// in its upper part (not a first page, or no form), and a field without a reading where its
// anchors were not found.
std::optional<catalog::HeaderDigits> ReadHeaderDigits(const GrayImage& image, const std::vector<LayoutWord>& words,
                                                      const std::vector<tesseract::TessBaseAPI*>& readers,
                                                      const DigitModel* model = nullptr);

}  // namespace luutru::indexer

#endif  // LUUTRU_INDEXER_HEADER_DIGITS_H_
