// The number and date of a scanned header settled with the digits read from its form, and how
// sure each is: never a wrong value shown as read.
#include "indexer/metadata/header_confidence.h"

#include <gtest/gtest.h>

#include <string>

#include "indexer/metadata/header_metadata.h"
#include "tokenizers/normalize.h"

namespace luutru::indexer {
namespace {

using catalog::DigitReading;
using catalog::FieldConfidence;

// Page OCR of a Quảng Ngãi header: the handwritten "23" read as a clean "22", the day as "05".
constexpr const char* kOcrHeader =
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 22/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nQuảng Ngãi, ngày 05 tháng 02 năm 2025\nBÁO CÁO\n"
    "Tình hình thực hiện công tác cải cách hành chính\n\nThực hiện chỉ đạo của UBND tỉnh.\n";

catalog::Page OcrPage(std::string text = kOcrHeader) {
  catalog::Page page;
  page.text = tokenizers::NormalizeText(text);
  page.source = catalog::TextSource::kOcr;
  return page;
}

// Twelve readings (six renderings, two models).
DigitReading Reading(std::string digits, int votes, int agreeing_readers) {
  return DigitReading{std::move(digits), votes, 12, agreeing_readers};
}

std::string DateOf(const catalog::DocumentMetadata& m) { return m.date ? m.date->ToString() : "null"; }

TEST(HeaderConfidence, TypedTextIsRead) {
  catalog::Page page = OcrPage();
  page.source = catalog::TextSource::kTextLayer;
  const auto m = ExtractHeaderMetadata(page);
  EXPECT_EQ(m.number.value_or(""), "22/BC-UBND");
  EXPECT_EQ(m.number_confidence, FieldConfidence::kRead);
  EXPECT_EQ(DateOf(m), "2025-02-05");
  EXPECT_EQ(m.date_confidence, FieldConfidence::kRead);
}

TEST(HeaderConfidence, DigitsBothModelsAgreeOnAreReadAndOverrulePageOcr) {
  catalog::Page page = OcrPage(std::string(kOcrHeader).replace(std::string(kOcrHeader).find("22/"), 2, ""));
  page.header_digits = catalog::HeaderDigits{Reading("23", 10, 2), Reading("5", 11, 2), Reading("2", 12, 2)};
  const auto m = ExtractHeaderMetadata(page);
  EXPECT_EQ(m.number.value_or(""), "23/BC-UBND");
  EXPECT_EQ(m.number_confidence, FieldConfidence::kRead);
  EXPECT_EQ(DateOf(m), "2025-02-05");
  EXPECT_EQ(m.date_confidence, FieldConfidence::kRead);
}

TEST(HeaderConfidence, AFourOrSevenBothModelsAgreeOnIsOnlyLikely) {
  // A handwritten "1" with its lead-in stroke is read as "4" by both models with one voice
  // ("15" as "45"): such a reading is sure only when the page OCR read the same digits.
  std::string text = kOcrHeader;
  text.replace(text.find("22/"), 2, "");
  catalog::Page page = OcrPage(text);
  page.header_digits = catalog::HeaderDigits{Reading("45", 12, 2), std::nullopt, std::nullopt};
  auto m = ExtractHeaderMetadata(page);
  EXPECT_EQ(m.number.value_or(""), "45/BC-UBND");
  EXPECT_EQ(m.number_confidence, FieldConfidence::kDoubtful);

  page = OcrPage(std::string(kOcrHeader).replace(std::string(kOcrHeader).find("22/"), 2, "45"));
  page.header_digits = catalog::HeaderDigits{Reading("45", 12, 2), std::nullopt, std::nullopt};
  m = ExtractHeaderMetadata(page);
  EXPECT_EQ(m.number_confidence, FieldConfidence::kRead) << "page OCR read the same digits";
}

TEST(HeaderConfidence, ReadersThatDisagreeGiveADoubtfulNumber) {
  catalog::Page page = OcrPage();
  // Page OCR says 22, the digit readers 23 with agreement: the likelier one, in doubt.
  page.header_digits = catalog::HeaderDigits{Reading("23", 10, 2), std::nullopt, std::nullopt};
  auto m = ExtractHeaderMetadata(page);
  EXPECT_EQ(m.number.value_or(""), "23/BC-UBND");
  EXPECT_EQ(m.number_confidence, FieldConfidence::kDoubtful);
  // One model alone, or too few readings: doubtful too.
  page.header_digits = catalog::HeaderDigits{Reading("22", 6, 1), std::nullopt, std::nullopt};
  m = ExtractHeaderMetadata(page);
  EXPECT_EQ(m.number.value_or(""), "22/BC-UBND");
  EXPECT_EQ(m.number_confidence, FieldConfidence::kDoubtful);
}

TEST(HeaderConfidence, UnreadDigitsKeepOnlyThePrintedPart) {
  catalog::Page page = OcrPage();
  page.header_digits = catalog::HeaderDigits{Reading("", 0, 0), Reading("4", 1, 0), std::nullopt};
  const auto m = ExtractHeaderMetadata(page);
  EXPECT_EQ(m.number.value_or(""), "?/BC-UBND") << "page OCR's clean 22 is not shown";
  EXPECT_EQ(m.number_confidence, FieldConfidence::kPartial);
  EXPECT_EQ(DateOf(m), "2025-02") << "the day page OCR read is dropped when the form's digits are unread";
  EXPECT_EQ(m.date_confidence, FieldConfidence::kPartial);
}

TEST(HeaderConfidence, HandwritingReadAsDebrisStillAnchorsThePrintedPart) {
  // Page OCR made "đ#" of a handwritten "84", and read the printed Đ twice (Đ, then an eth):
  // "/QĐ-UBND" after it is still the notation, and the digits read from the form give the number.
  std::string text = kOcrHeader;
  text.replace(text.find("22/BC-UBND"), 10, "đ# /QĐ\u00D0-UBND");
  catalog::Page page = OcrPage(text);
  page.header_digits = catalog::HeaderDigits{Reading("84", 6, 1), std::nullopt, std::nullopt};
  const auto m = ExtractHeaderMetadata(page);
  EXPECT_EQ(m.number.value_or(""), "84/QĐ-UBND");
  EXPECT_EQ(m.number_confidence, FieldConfidence::kDoubtful);
}

TEST(HeaderConfidence, PageOcrAloneIsDoubtful) {
  // No form found around the digits (no header digits): what page OCR read, in doubt.
  const auto m = ExtractHeaderMetadata(OcrPage());
  EXPECT_EQ(m.number.value_or(""), "22/BC-UBND");
  EXPECT_EQ(m.number_confidence, FieldConfidence::kDoubtful);
  EXPECT_EQ(DateOf(m), "2025-02-05");
  EXPECT_EQ(m.date_confidence, FieldConfidence::kDoubtful);
}

TEST(HeaderConfidence, SigningBeforeTheDateMakesItDoubtful) {
  catalog::Page page = OcrPage(std::string(kOcrHeader) +
                               "Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\n"
                               "Thời gian ký: 03.02.2025 15:35:18\n");
  page.header_digits = catalog::HeaderDigits{Reading("22", 12, 2), Reading("5", 12, 2), std::nullopt};
  const auto m = ExtractHeaderMetadata(page);
  EXPECT_EQ(DateOf(m), "2025-02-05") << "a stamp checks the date, never replaces it";
  EXPECT_EQ(m.date_confidence, FieldConfidence::kDoubtful);
  EXPECT_EQ(m.date_checked_by, std::vector<std::string>{"signature"});
}

TEST(HeaderConfidence, SigningOnTheDayConfirmsALikelyDay) {
  catalog::Page page = OcrPage(std::string(kOcrHeader) + "Thời gian ký: 05/02/2025 15:35:18\n");
  page.header_digits = catalog::HeaderDigits{std::nullopt, Reading("5", 5, 1), std::nullopt};
  auto m = ExtractHeaderMetadata(page);
  EXPECT_EQ(DateOf(m), "2025-02-05");
  EXPECT_EQ(m.date_confidence, FieldConfidence::kRead);
  EXPECT_EQ(m.date_checked_by, std::vector<std::string>{"signature"});
  // A copy signed again a year later checks nothing.
  page.text = tokenizers::NormalizeText(std::string(kOcrHeader) + "Thời gian ký: 05/02/2026 15:35:18\n");
  m = ExtractHeaderMetadata(page);
  EXPECT_EQ(m.date_confidence, FieldConfidence::kDoubtful);
  EXPECT_TRUE(m.date_checked_by.empty());
}

TEST(HeaderConfidence, StampDates) {
  EXPECT_EQ(SigningDate("Ký bởi: UBND\nThời gian ký: 24/01/2025 14:23:43")->ToString(), "2025-01-24");
  EXPECT_EQ(SigningDate("Thời gian ký: 05.02.2025 15:35:18 +07:00")->ToString(), "2025-02-05");
  EXPECT_FALSE(SigningDate("24.01.2025 20:06:24 +07:00"));
  EXPECT_EQ(IncomingDate("CÔNG VĂN\nĐẾN Số: 2352\nNgày: 06/02/2025\nChuyển:")->ToString(), "2025-02-06");
  EXPECT_FALSE(IncomingDate("Quảng Ngãi, ngày 05 tháng 02 năm 2025"));
}

}  // namespace
}  // namespace luutru::indexer
