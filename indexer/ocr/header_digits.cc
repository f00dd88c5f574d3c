// ReadHeaderDigits: the handwritten digits of a scanned header, read from the room between the
// printed words of its form.
#include "indexer/ocr/header_digits.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "indexer/ocr/digit_marks.h"
#include "indexer/ocr/digit_model.h"
#include "tokenizers/normalize.h"

namespace luutru::indexer {
namespace {

// The header holds the number and date lines within the upper part of the page.
constexpr double kHeaderShare = 0.45;

using Box = RoomBox;

std::string Folded(const std::string& text) {
  std::string f = tokenizers::FoldedForm(text);
  while (!f.empty() && std::string_view(":.,;").find(f.back()) != std::string_view::npos) f.pop_back();
  return f;
}

bool IsLabelFold(std::string_view f) { return f == "so" || f == "s6" || f == "s0"; }

// "Số", and what OCR makes of it ("Sô", "So", "S6", "S0", "Sổ"); not "Sở" (a department), which
// folds alike, so the exact form is checked too. The label with its colon may hold what is
// written after it when the handwriting touches the colon ("Số:04", "só:J3/KH-DCT"): `*joined`
// is then set.
bool IsNumberWord(const LayoutWord& w, bool* joined) {
  if (w.text.empty() || w.text.find("ở") != std::string::npos || w.text.find("Ở") != std::string::npos) return false;
  const std::string f = Folded(w.text);
  *joined = false;
  // "số" in a sentence cites another document: the label starts with a capital or has its colon.
  if (w.text[0] == 'S' && IsLabelFold(f)) return true;
  const size_t colon = f.find(':');
  if (colon == std::string::npos || colon + 1 == f.size() || !IsLabelFold(f.substr(0, colon))) return false;
  *joined = true;
  return true;
}

// The width of the printed label "Số:" at the image's resolution (13-14 pt type, about 0.22
// inch), or from the height of the printed line when the resolution is not known.
int LabelWidth(const GrayImage& image, int printed_height) {
  return image.dpi > 0 ? static_cast<int>(0.22 * image.dpi) : printed_height * 3 / 2;
}

// Whether `w` lies on the line of `anchor`: its middle within the anchor's height.
bool SameLine(const LayoutWord& anchor, const LayoutWord& w) {
  const int middle = (w.y0 + w.y1) / 2;
  const int h = anchor.y1 - anchor.y0;
  return middle >= anchor.y0 - h / 3 && middle <= anchor.y1 + h / 3;
}

bool IsDigitText(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The letters after the slash ("/BC-UBND", "22/TTr-UBND"): a printed notation, not a date.
bool HasNotationLetters(const LayoutWord& w) {
  if (w.slash_x0 < 0) return false;
  const size_t slash = w.text.find('/');
  if (slash == std::string::npos) return false;
  const std::string rest = w.text.substr(slash + 1);
  return std::any_of(rest.begin(), rest.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c & 0x80); });
}

// `box` clipped to `image`; false when too little is left to read.
bool Clip(const GrayImage& image, Box& box) {
  box.x0 = std::max(box.x0, 0);
  box.y0 = std::max(box.y0, 0);
  box.x1 = std::min(box.x1, image.width);
  box.y1 = std::min(box.y1, image.height);
  return box.x1 - box.x0 >= 4 && box.y1 - box.y0 >= 4;
}

// The crop of `image` at `box`, clipped to the image; nullptr when nothing is left.
PIX* Crop(const GrayImage& image, Box box) {
  if (!Clip(image, box)) return nullptr;
  PIX* pix = pixCreate(box.x1 - box.x0, box.y1 - box.y0, 8);
  if (!pix) return nullptr;
  l_uint32* data = pixGetData(pix);
  const int wpl = pixGetWpl(pix);
  for (int y = box.y0; y < box.y1; ++y) {
    l_uint32* line = data + static_cast<size_t>(y - box.y0) * wpl;
    for (int x = box.x0; x < box.x1; ++x) SET_DATA_BYTE(line, x - box.x0, image.at(x, y));
  }
  return pix;
}

struct PixFree {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixFree>;

PixPtr Scaled(PIX* grey, float factor) {
  if (std::fabs(factor - 1.0f) < 0.05f) return PixPtr(pixClone(grey));
  return PixPtr(factor > 1 ? pixScaleGrayLI(grey, factor, factor) : pixScaleAreaMap(grey, factor, factor));
}

// Otsu's threshold of the whole crop.
int OtsuThreshold(PIX* grey) {
  PIX* th = nullptr;
  PIX* bin = nullptr;
  const int w = static_cast<int>(pixGetWidth(grey)), h = static_cast<int>(pixGetHeight(grey));
  int t = 128;
  if (pixOtsuAdaptiveThreshold(grey, w, h, 0, 0, 0.1f, &th, &bin) == 0 && th) {
    l_uint32 v = 128;
    pixGetPixel(th, 0, 0, &v);
    t = static_cast<int>(v);
  }
  pixDestroy(&th);
  pixDestroy(&bin);
  return t;
}

// The renderings of one crop that are read: Tesseract's own binarization of the grey crop at two
// heights, Otsu's threshold, a higher threshold that keeps light (blue) ink, Sauvola's local
// threshold, and Otsu with the pieces of neighbouring print cut by the crop's edges removed; with
// `upright`, also the grey crop and the last one sheared upright.
std::vector<PixPtr> Renderings(PIX* grey, int line_height, bool upright) {
  std::vector<PixPtr> out;
  const float factor = 48.0f / static_cast<float>(std::max(line_height, 4));
  PixPtr big = Scaled(grey, factor);
  if (!big) return out;
  const int otsu = OtsuThreshold(big.get());
  out.emplace_back(pixClone(big.get()));
  if (PixPtr small = Scaled(grey, 32.0f / static_cast<float>(std::max(line_height, 4))))
    out.push_back(std::move(small));
  PixPtr bin(pixThresholdToBinary(big.get(), otsu));
  if (bin) {
    out.emplace_back(pixClone(bin.get()));
    if (PIX* clean = pixRemoveBorderConnComps(bin.get(), 8)) out.emplace_back(clean);
  }
  if (PIX* light = pixThresholdToBinary(big.get(), std::min(230, otsu + (255 - otsu) / 2))) out.emplace_back(light);
  PIX* sauvola = nullptr;
  if (pixSauvolaBinarize(big.get(), std::max(7, static_cast<int>(48 * 0.6)), 0.34f, 1, nullptr, nullptr, nullptr,
                         &sauvola) == 0 &&
      sauvola) {
    out.emplace_back(sauvola);
  }
  if (upright && bin) {
    // Handwriting leans right; set upright, a day's "1" is less often read as "4".
    if (PixPtr clean{pixRemoveBorderConnComps(bin.get(), 8)}) {
      const int middle = static_cast<int>(pixGetHeight(big.get())) / 2;
      if (PIX* p = pixHShear(nullptr, clean.get(), middle, -0.25f, L_BRING_IN_WHITE)) out.emplace_back(p);
      if (PIX* p = pixHShear(nullptr, big.get(), middle, -0.25f, L_BRING_IN_WHITE)) out.emplace_back(p);
    }
  }
  return out;
}

// What Tesseract reads on one rendering: the digits of the line, "" when none.
std::string ReadLine(tesseract::TessBaseAPI& api, PIX* rendering) {
  PixPtr bordered(pixAddBorder(rendering, 16, pixGetDepth(rendering) == 1 ? 0 : 255));
  if (!bordered) return {};
  api.SetImage(bordered.get());
  api.SetSourceResolution(300);
  std::unique_ptr<char[]> text(api.GetUTF8Text());
  std::string digits;
  for (const char* p = text.get(); p && *p; ++p) {
    if (*p >= '0' && *p <= '9') digits.push_back(*p);
  }
  return digits;
}

std::string WithoutLeadingZeros(const std::string& digits) {
  const size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? std::string("0") : digits.substr(first);
}

// The reading most of `readings` give (the first one's wins a tie), with its count.
std::pair<std::string, int> Plurality(const std::vector<std::string>& readings) {
  std::map<std::string, int> votes;
  for (const std::string& r : readings) ++votes[r];
  std::pair<std::string, int> best;
  for (const std::string& r : readings) {
    if (votes[r] > best.second) best = {r, votes[r]};
  }
  return best;
}

// Whether `part` is `whole` with digits lost ("4" of "24", "54" of "574").
bool Lost(const std::string& part, const std::string& whole) {
  size_t at = 0;
  for (const char c : whole) at += at < part.size() && part[at] == c;
  return at == part.size() && part.size() < whole.size();
}

// The reading most of `readings` are consistent with, and their count. Tesseract reads a line of
// handwriting as fewer digits than it holds far more often than as more ("24" as "4", "84" as "6"
// or "84"): a reading given at least twice counts the readings that are it with digits lost
// too, and the longest wins a tie.
std::pair<std::string, int> Consistent(const std::vector<std::string>& readings) {
  std::pair<std::string, int> best = Plurality(readings);
  std::map<std::string, int> votes;
  for (const std::string& r : readings) ++votes[r];
  for (const auto& [whole, own] : votes) {
    if (own < 2) continue;
    int support = own;
    for (const auto& [part, count] : votes) support += Lost(part, whole) ? count : 0;
    if (support > best.second || (support == best.second && whole.size() > best.first.size())) best = {whole, support};
  }
  return best;
}

// A handwritten 1 is written with a long lead-in stroke, which Tesseract reads as a 4 or a 7 with
// one voice ("15" as "45", "31" as "34"): `digits` with its 4s and 7s read as 1s.
std::string LeadInOnes(std::string digits) {
  std::replace_if(
      digits.begin(), digits.end(), [](char c) { return c == '4' || c == '7'; }, '1');
  return digits;
}

// The day a reading that is no day gives when only the 4s and 7s that no day can hold are read
// as lead-in 1s: in the tens ("45" as "15"), and in the units after a 3 ("34" as "31").
std::string DayOfLeadInOnes(std::string digits) {
  const auto look_alike = [](char c) { return c == '4' || c == '7'; };
  if (digits.size() == 2 && look_alike(digits[0])) digits[0] = '1';
  if (digits.size() == 2 && digits[0] == '3' && look_alike(digits[1])) digits[1] = '1';
  return digits;
}

// What `model` reads in a room, mark by mark.
struct ModelDigits {
  std::string digits;     // "" when a mark's digit is not clear enough to count (or no mark)
  bool weak_one = false;  // a mark is a 1 read by a small margin only (`lead_in_ones`)
};

// What `model` reads in `box`. With `lead_in_ones` (the day), a mark read as 1 by any margin
// above 0 counts too (`weak_one`): the lead-in stroke makes a handwritten 1 resemble the sheet's
// 4s and 7s, so the model reads it right by a small margin.
ModelDigits ModelReading(const GrayImage& image, Box box, int line_height, const DigitModel& model, bool lead_in_ones) {
  // The day is often written against the printed "ngày": the marks are cut from a crop reaching
  // half a line further left, so that a digit touching the room's side is not dropped as ink cut
  // by it; a mark standing mostly left of the room is the printed word's.
  const int reach = lead_in_ones ? std::min(line_height / 2, box.x0) : 0;
  box.x0 -= reach;
  if (!Clip(image, box)) return {};
  // A view of the page's pixels, not a copy: HandwrittenMarks only reads it.
  const cv::Mat page(image.height, image.width, CV_8U, const_cast<std::uint8_t*>(image.pixels.data()));
  const cv::Mat grey = page(cv::Rect(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0));
  ModelDigits out;
  for (const DigitMark& mark : HandwrittenMarks(grey, line_height)) {
    if (mark.box.x + mark.box.width / 2 < reach) continue;
    const DigitGuess guess = model.Read(mark.ink);
    if (guess.digit < 0) return {};
    if (guess.margin < kClearMargin) {
      if (!lead_in_ones || guess.digit != 1 || guess.margin <= 0) return {};
      out.weak_one = true;
    }
    out.digits.push_back(static_cast<char>('0' + guess.digit));
  }
  return out;
}

// Whether Tesseract's `raw` readings saw the 1s of `digits` as lead-in 1s: one holds a 4 or a 7
// and, those read as 1s, is `digits` or it with digits lost ("4" for "11").
bool SeenAsLeadInOnes(const std::vector<std::string>& raw, const std::string& digits) {
  return std::any_of(raw.begin(), raw.end(), [&](const std::string& r) {
    const std::string ones = WithoutLeadingZeros(LeadInOnes(r));
    return r.find_first_of("47") != std::string::npos && (ones == digits || Lost(ones, digits));
  });
}

// Reads the digits in `box` of every rendering with every reader, and with `model` when given;
// `valid` tells a reading the field may hold. Leading zeros do not count in the vote ("05" and
// "5" agree). With `day`, the crop is also read sheared upright, and the lead-in 1 is looked for:
// a reading that is no day ("34") counts as the day it gives with its impossible 4s and 7s read
// as 1s ("31"), and the model's 1 read by a small margin counts where Tesseract read a 4 or 7 in
// its place. Both count in the vote but never as a reader's own reading: alone they never make a
// reading sure.
template <typename Valid>
catalog::DigitReading ReadField(const GrayImage& image, const Box& box, int line_height,
                                const std::vector<tesseract::TessBaseAPI*>& readers, const DigitModel* model,
                                Valid valid, bool day = false) {
  catalog::DigitReading reading;
  PixPtr grey(Crop(image, box));
  if (!grey) return reading;
  const std::vector<PixPtr> renderings = Renderings(grey.get(), line_height, day);
  std::vector<std::string> all;
  std::vector<std::string> raw;  // every reading with digits, valid or not
  std::vector<std::string> pluralities;
  for (tesseract::TessBaseAPI* api : readers) {
    std::vector<std::string> own;
    for (const PixPtr& r : renderings) {
      ++reading.readings;
      const std::string digits = ReadLine(*api, r.get());
      if (digits.empty()) continue;
      raw.push_back(WithoutLeadingZeros(digits));
      if (!valid(digits)) {
        const std::string ones = day ? DayOfLeadInOnes(digits) : std::string();
        if (!ones.empty() && valid(ones)) all.push_back(WithoutLeadingZeros(ones));
        continue;
      }
      own.push_back(WithoutLeadingZeros(digits));
      all.push_back(own.back());
    }
    pluralities.push_back(Plurality(own).first);
  }
  std::tie(reading.digits, reading.votes) = Consistent(all);
  for (const std::string& p : pluralities) reading.agreeing_readers += !p.empty() && p == reading.digits;
  // The model reads each mark alone where both models read the line, and its errors differ from
  // theirs: it counts as many readings as they made together. When they are not sure, its clear
  // reading is the likelier one. Against a reading they are sure of, the likelier is the one
  // more readings are consistent with (a sure "8" is "87" with a digit lost), and neither has two
  // thirds of the readings: readers that disagree keep a reading doubtful.
  const ModelDigits read = model ? ModelReading(image, box, line_height, *model, day) : ModelDigits{};
  if (read.digits.empty() || !valid(read.digits)) return reading;
  const std::string model_digits = WithoutLeadingZeros(read.digits);
  if (read.weak_one && !SeenAsLeadInOnes(raw, model_digits)) return reading;
  const int weight = reading.readings;
  const bool sure = reading.agreeing_readers >= 2 && 3 * reading.votes >= 2 * reading.readings;
  reading.readings += weight;
  if (!sure && model_digits != reading.digits) {
    reading.digits = model_digits;
    reading.votes = weight;
    for (const std::string& r : all) reading.votes += r == model_digits || Lost(r, model_digits);
  } else {
    all.insert(all.end(), weight, model_digits);
    std::tie(reading.digits, reading.votes) = Consistent(all);
  }
  if (!read.weak_one) pluralities.push_back(model_digits);
  reading.agreeing_readers = 0;
  for (const std::string& p : pluralities) reading.agreeing_readers += !p.empty() && p == reading.digits;
  return reading;
}

// A document number counts from 1: a lone "0" is the lead-in of "04" read alone.
bool ValidNumber(const std::string& d) { return d.size() <= 5 && d.find_first_not_of('0') != std::string::npos; }
bool ValidDay(const std::string& d) { return d.size() <= 2 && std::stoi(d) >= 1 && std::stoi(d) <= 31; }
bool ValidMonth(const std::string& d) { return d.size() <= 2 && std::stoi(d) >= 1 && std::stoi(d) <= 12; }

// The place of the number: after "Số:" (or, when OCR lost it, a few line heights) and before the
// printed notation's slash.
std::optional<std::pair<Box, int>> NumberPlace(const GrayImage& image, const std::vector<LayoutWord>& words) {
  const int header_bottom = static_cast<int>(image.height * kHeaderShare);
  for (const LayoutWord& so : words) {
    bool joined = false;
    if (so.y1 > header_bottom || so.x0 > image.width / 2 || !IsNumberWord(so, &joined)) continue;
    const int h = std::max(so.y1 - so.y0, 4);
    for (const LayoutWord& n : words) {
      if (n.x0 < so.x0 || !HasNotationLetters(n) || !SameLine(so, n) || n.slash_x0 - so.x1 > 12 * h) continue;
      // Handwriting run into the label: the room starts where the printed label ends.
      const int from = joined ? so.x0 + LabelWidth(image, n.y1 - n.y0) : so.x1 + h / 8;
      if (n.slash_x0 - from < h / 3) break;  // no room for a number
      return std::pair(Box{from, so.y0 - h / 2, n.slash_x0 - h / 16, so.y1 + h / 3}, h);
    }
  }
  // "Số" itself misread: the topmost printed notation of the left half, in the top quarter of the
  // page where the header's number stands (lower, a notation is more likely a citation).
  const LayoutWord* best = nullptr;
  for (const LayoutWord& n : words) {
    if (n.y1 > image.height / 4 || n.x0 > image.width / 2 || !HasNotationLetters(n)) continue;
    if (!best || n.y0 < best->y0) best = &n;
  }
  if (!best) return std::nullopt;
  const int h = std::max(best->y1 - best->y0, 4);
  int left = best->slash_x0 - 4 * h;
  for (const LayoutWord& w : words) {
    // A word to the left that is not digits ends the room: the number is written after it.
    if (&w == best || !SameLine(*best, w) || w.x1 > best->slash_x0 || IsDigitText(w.text)) continue;
    if (w.x1 > left) left = w.x1 + h / 8;
  }
  if (best->slash_x0 - left < h / 3) return std::nullopt;
  return std::pair(Box{left, best->y0 - h / 2, best->slash_x0 - h / 16, best->y1 + h / 3}, h);
}

// The rooms of the day and the month on the line of `line`, `h` high: from `day_from` to the
// printed "tháng" (`thang_x0`..`thang_x1`), and from there to the printed "năm".
DateRooms Between(const LayoutWord& line, int h, int day_from, int thang_x0, int thang_x1, int nam_x0) {
  DateRooms rooms;
  rooms.line_height = h;
  if (thang_x0 - day_from > h / 3)
    rooms.day = Box{day_from + h / 8, line.y0 - h / 2, thang_x0 - h / 8, line.y1 + h / 3};
  if (nam_x0 - thang_x1 > h / 3) rooms.month = Box{thang_x1 + h / 8, line.y0 - h / 2, nam_x0 - h / 8, line.y1 + h / 3};
  return rooms;
}

// The printed "ngày" is about 1.2 times as wide as the printed "năm" of the same line, and
// "tháng" about 1.35 times (Times New Roman).
int NgayWidth(const LayoutWord& nam) { return (nam.x1 - nam.x0) * 6 / 5; }
int ThangWidth(const LayoutWord& nam) { return (nam.x1 - nam.x0) * 27 / 20; }

// Where the printed word `w` of `letters` letters and `width` pixels in the line's type ends.
// Page OCR runs handwriting into it ("ngày05", "tháng01", or a box reaching over the digits):
// a word longer, or a box wider by a sixth, ends where its width puts it.
int PrintedEnd(const LayoutWord& w, size_t letters, int width) {
  const bool holds_more = Folded(w.text).size() > letters || w.x1 - w.x0 > width * 7 / 6;
  return holds_more ? std::min(w.x1, w.x0 + width) : w.x1;
}

// Whether `folded` holds at least three letters: a printed word, even misread ("ngàv"), and not
// handwriting read as debris ("O_", "đ#").
bool PrintedWord(std::string_view folded) {
  return std::count_if(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; }) >= 3;
}

// The date line when page OCR did not read its "ngày" (misread, or run into the place before
// it): the printed "tháng" and "năm" still anchor the line, and the day stands between the
// printed word before "tháng" and "tháng" itself.
std::optional<DateRooms> RoomsWithoutNgay(const std::vector<const LayoutWord*>& top_down,
                                          const std::vector<LayoutWord>& words, int header_bottom) {
  for (const LayoutWord* candidate : top_down) {
    const LayoutWord& thang = *candidate;
    if (thang.y1 > header_bottom || Folded(thang.text) != "thang") continue;
    const int h = std::max(thang.y1 - thang.y0, 4);
    const LayoutWord* nam = nullptr;
    const LayoutWord* before = nullptr;
    for (const LayoutWord& w : words) {
      if (&w == &thang || !SameLine(thang, w)) continue;
      const std::string g = Folded(w.text);
      if (w.x0 >= thang.x1 && w.x0 - thang.x1 < 8 * h && g == "nam" && (!nam || w.x0 < nam->x0)) nam = &w;
      if (w.x1 <= thang.x0 + h / 4 && thang.x0 - w.x1 < 8 * h && PrintedWord(g) && (!before || w.x1 > before->x1))
        before = &w;
    }
    if (!nam || !before) continue;
    const std::string b = Folded(before->text);
    int day_from = 0;
    if (b.size() >= 4 && b.compare(b.size() - 4, 4, "ngay") == 0) {
      day_from = before->x1;  // the place and "ngày" as one word ("Ngãi,ngày")
    } else if (before->text.back() == ',') {
      day_from = before->x1 + h / 3 + NgayWidth(*nam);  // "ngày" lost: a space and the word after the place
    } else {
      day_from = std::min(before->x1, before->x0 + NgayWidth(*nam));  // "ngày" misread, perhaps holding the day
    }
    return Between(thang, h, day_from, thang.x0, PrintedEnd(thang, 5, ThangWidth(*nam)), nam->x0);
  }
  return std::nullopt;
}

}  // namespace

std::optional<DateRooms> FindDateRooms(const GrayImage& image, const std::vector<LayoutWord>& words) {
  const int header_bottom = static_cast<int>(image.height * kHeaderShare);
  // The topmost date line is the header's: a recital citing a date comes below it.
  std::vector<const LayoutWord*> top_down;
  for (const LayoutWord& w : words) top_down.push_back(&w);
  std::stable_sort(top_down.begin(), top_down.end(),
                   [](const LayoutWord* a, const LayoutWord* b) { return a->y0 < b->y0; });
  for (const LayoutWord* candidate : top_down) {
    const LayoutWord& ngay = *candidate;
    if (ngay.y1 > header_bottom) continue;
    const std::string f = Folded(ngay.text);
    if (f.rfind("ngay", 0) != 0) continue;
    const int h = std::max(ngay.y1 - ngay.y0, 4);
    const LayoutWord* thang = nullptr;
    const LayoutWord* nam = nullptr;
    for (const LayoutWord& w : words) {
      if (w.x0 <= ngay.x0 || !SameLine(ngay, w) || w.x0 - ngay.x1 > 16 * h) continue;
      const std::string g = Folded(w.text);
      if (g == "thang" && (!thang || w.x0 < thang->x0)) thang = &w;
      if (g == "nam" && (!nam || w.x0 < nam->x0)) nam = &w;
    }
    if (!nam) continue;
    // Page OCR runs handwriting into the printed words: "ngày" or "tháng" holding the digits
    // after it, or "ngày", the day and "tháng" as one word ("ngàyÊtháng"). The printed words
    // then end where their width in the line's type puts them.
    const int day_from = PrintedEnd(ngay, 4, NgayWidth(*nam));
    int thang_x0 = 0, thang_x1 = 0;
    if (thang) {
      thang_x0 = thang->x0;
      thang_x1 = PrintedEnd(*thang, 5, ThangWidth(*nam));
    } else if (f.find("thang", 4) != std::string::npos) {
      thang_x0 = ngay.x1 - ThangWidth(*nam);
      thang_x1 = ngay.x1;
    } else {
      continue;
    }
    if (nam->x0 <= thang_x1) continue;
    return Between(ngay, h, day_from, thang_x0, thang_x1, nam->x0);
  }
  return RoomsWithoutNgay(top_down, words, header_bottom);
}

std::optional<catalog::HeaderDigits> ReadHeaderDigits(const GrayImage& image, const std::vector<LayoutWord>& words,
                                                      const std::vector<tesseract::TessBaseAPI*>& readers,
                                                      const DigitModel* model) {
  const auto number = NumberPlace(image, words);
  const auto date = FindDateRooms(image, words);
  if (!number && !date) return std::nullopt;
  for (tesseract::TessBaseAPI* api : readers) {
    api->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    api->SetVariable("tessedit_char_whitelist", "0123456789");
  }
  catalog::HeaderDigits out;
  if (number) out.number = ReadField(image, number->first, number->second, readers, model, ValidNumber);
  if (date && date->day)
    out.day = ReadField(image, *date->day, date->line_height, readers, model, ValidDay, /*day=*/true);
  if (date && date->month) out.month = ReadField(image, *date->month, date->line_height, readers, model, ValidMonth);
  for (tesseract::TessBaseAPI* api : readers) api->Clear();
  return out;
}

}  // namespace luutru::indexer
