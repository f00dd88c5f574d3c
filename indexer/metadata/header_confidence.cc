// SettleNumberAndDate: the number and date of a page with their confidence.
#include "indexer/metadata/header_confidence.h"

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <string>

#include "indexer/metadata/header_text.h"
#include "tokenizers/notation.h"

namespace luutru::indexer {
namespace {

using catalog::DigitReading;
using catalog::FieldConfidence;
using catalog::PartialDate;

// A sure reading: two thirds of the readings and each model's own most frequent one.
// A signing this many days after the date read still confirms a doubtful day: offices sign
// the day they date a document, or within a few days.
constexpr int kSigningDays = 3;

bool Sure(const DigitReading& r) {
  return !r.digits.empty() && r.agreeing_readers >= 2 && 3 * r.votes >= 2 * r.readings;
}
// A handwritten "1" has a long lead-in stroke that both models read as "4" or "7" with one
// voice ("15" as "45", "11" as "4"): a reading holding either is sure only when the page OCR read
// the same digits.
bool SureUnlessLookAlike(const DigitReading& r, std::string_view text_digits) {
  if (!Sure(r)) return false;
  const bool look_alike = r.digits.find_first_of("47") != std::string::npos;
  return !look_alike || (!text_digits.empty() && std::string(text_digits).find_first_not_of('0') != std::string::npos &&
                         text_digits.substr(text_digits.find_first_not_of('0')) == r.digits);
}
// A likely one: at least three readings agree.
bool Likely(const DigitReading& r) { return !r.digits.empty() && r.votes >= 3; }

std::string WithoutLeadingZeros(std::string_view digits) {
  const size_t first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? std::string("0") : std::string(digits.substr(first));
}
bool SameDigits(std::string_view a, std::string_view b) { return WithoutLeadingZeros(a) == WithoutLeadingZeros(b); }

// The digits before the notation of a number read from the text ("22" of "22/BC-UBND").
std::string LeadingDigits(const std::optional<std::string>& number) {
  if (!number) return {};
  const size_t end = number->find_first_not_of("0123456789");
  return number->substr(0, end == std::string::npos ? number->size() : end);
}

std::optional<std::string> Notation(const std::string& digits, std::string_view rest) {
  if (auto n = tokenizers::ParseNotation(digits + std::string(rest))) return n->text;
  return std::nullopt;
}

void SettleNumber(const catalog::Page& page, std::string_view rest, catalog::DocumentMetadata& meta) {
  if (page.source != catalog::TextSource::kOcr) {
    if (meta.number) meta.number_confidence = FieldConfidence::kRead;
    return;
  }
  const std::string text_digits = LeadingDigits(meta.number);
  const std::optional<DigitReading> reading = page.header_digits ? page.header_digits->number : std::nullopt;
  std::optional<std::string> number;
  FieldConfidence confidence = FieldConfidence::kDoubtful;
  if (rest.empty()) {
    // No printed notation read to anchor the digits: the page OCR's number, if any, in doubt.
    number = meta.number;
  } else if (reading && Sure(*reading)) {
    number = Notation(reading->digits, rest);
    // Two readers that disagree: the one made for digits is likelier, but not sure.
    confidence =
        (text_digits.empty() || SameDigits(text_digits, reading->digits)) && SureUnlessLookAlike(*reading, text_digits)
            ? FieldConfidence::kRead
            : FieldConfidence::kDoubtful;
  } else if (reading && Likely(*reading)) {
    number = Notation(reading->digits, rest);
  } else if (!text_digits.empty() && !reading) {
    number = meta.number;  // no form found around it: page OCR alone, in doubt
  } else {
    number = "?" + std::string(rest);
    confidence = FieldConfidence::kPartial;
  }
  meta.number = number;
  meta.number_confidence = number ? std::optional(confidence) : std::nullopt;
}

std::optional<std::chrono::sys_days> Days(const PartialDate& d) {
  if (d.day == 0 || d.month == 0) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(d.year), std::chrono::month(static_cast<unsigned>(d.month)),
                                        std::chrono::day(static_cast<unsigned>(d.day))};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd);
}

// "24/01/2025", "24.01.2025", "24-01-2025" at `at` in `text`.
std::optional<PartialDate> DateAt(std::string_view text, size_t at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == ':')) ++at;
  int parts[3] = {0, 0, 0};
  int k = 0;
  size_t digits = 0;
  for (; at < text.size() && k < 3; ++at) {
    const char c = text[at];
    if (c >= '0' && c <= '9') {
      parts[k] = parts[k] * 10 + (c - '0');
      ++digits;
    } else if ((c == '/' || c == '.' || c == '-') && digits > 0 && k < 2) {
      ++k;
      digits = 0;
    } else {
      break;
    }
  }
  if (k != 2 || digits != 4) return std::nullopt;
  PartialDate d{parts[2], parts[1], parts[0]};
  if (!Days(d)) return std::nullopt;
  return d;
}

void SettleDate(const catalog::Page& page, catalog::DocumentMetadata& meta) {
  if (!meta.date) return;
  if (page.source != catalog::TextSource::kOcr) {
    meta.date_confidence = FieldConfidence::kRead;
    return;
  }
  PartialDate& date = *meta.date;
  FieldConfidence confidence = FieldConfidence::kRead;
  const std::optional<DigitReading> day = page.header_digits ? page.header_digits->day : std::nullopt;
  const std::optional<DigitReading> month = page.header_digits ? page.header_digits->month : std::nullopt;
  if (date.month == 0 && month && Sure(*month)) date.month = std::atoi(month->digits.c_str());
  if (month && Sure(*month) && date.month != 0 && date.month != std::atoi(month->digits.c_str())) {
    confidence = FieldConfidence::kDoubtful;  // the printed month and the digits disagree
  }
  const int text_day = date.day;
  date.day = 0;
  bool only_day_in_doubt = false;  // the day most renderings did not agree on, all else read
  if (date.month != 0 && day && !day->digits.empty()) {
    const int read = std::atoi(day->digits.c_str());
    if (SureUnlessLookAlike(*day, text_day ? std::to_string(text_day) : std::string()) &&
        (text_day == 0 || text_day == read)) {
      date.day = read;
    } else if (Likely(*day)) {
      date.day = read;
      only_day_in_doubt = confidence == FieldConfidence::kRead;
      confidence = FieldConfidence::kDoubtful;
    }
  } else if (date.month != 0 && text_day != 0 && !page.header_digits) {
    date.day = text_day;  // no form found around it: page OCR alone, in doubt
    confidence = FieldConfidence::kDoubtful;
  }
  if (date.day != 0 && !Days(date)) date.day = 0;

  // The stamps check a full date: it is not after the signing or the receipt.
  const auto own = Days(date);
  const std::optional<PartialDate> signing = SigningDate(page.text);
  const std::optional<PartialDate> incoming = IncomingDate(page.text);
  for (const auto& [stamp, name] : {std::pair{signing, "signature"}, std::pair{incoming, "incoming"}}) {
    if (!own || !stamp) continue;
    const auto days_before = (*Days(*stamp) - *own).count();
    if (days_before < 0) {
      confidence = FieldConfidence::kDoubtful;
      only_day_in_doubt = false;
      meta.date_checked_by.push_back(name);
    } else if (days_before <= kSigningDays && std::string_view(name) == "signature") {
      // Signed the day it is dated or a few days after: the reading fits; a doubtful one that
      // most renderings gave is taken as read.
      meta.date_checked_by.push_back(name);
      if (only_day_in_doubt) confidence = FieldConfidence::kRead;
    }
  }
  if (date.day == 0) {
    // The day was not read: what is given is the month, and only that part of the date is sure.
    if (confidence == FieldConfidence::kRead) confidence = FieldConfidence::kPartial;
  }
  meta.date_confidence = confidence;
}

}  // namespace

std::optional<PartialDate> SigningDate(std::string_view page_text) {
  const std::string folded = header_text::Fold(page_text);
  const size_t at = folded.find("thoi gian ky");
  if (at == std::string::npos) return std::nullopt;
  return DateAt(folded, at + 12);
}

std::optional<PartialDate> IncomingDate(std::string_view page_text) {
  const std::string folded = header_text::Fold(page_text);
  // "ĐẾN" then, within a few lines, "Ngày: 06/02/2025".
  for (size_t den = folded.find("den"); den != std::string::npos; den = folded.find("den", den + 3)) {
    const bool word = (den == 0 || !std::isalpha(static_cast<unsigned char>(folded[den - 1]))) &&
                      (den + 3 == folded.size() || !std::isalpha(static_cast<unsigned char>(folded[den + 3])));
    if (!word) continue;
    const size_t ngay = folded.find("ngay", den);
    if (ngay == std::string::npos || ngay - den > 80) continue;
    if (auto d = DateAt(folded, ngay + 4)) return d;
  }
  return std::nullopt;
}

void SettleNumberAndDate(const catalog::Page& page, std::string_view notation_rest, catalog::DocumentMetadata& meta) {
  SettleNumber(page, notation_rest, meta);
  SettleDate(page, meta);
}

}  // namespace luutru::indexer
