// PageNeedsOcr on the real documents of ../shared/real-pdfs: every page of a scan, including
// page 1 of the Quảng Ngãi scans whose text layer holds only the signature stamp, needs OCR; no
// page of a born-digital document does.
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <cctype>
#include <memory>
#include <ostream>
#include <string>

#include "indexer/ocr/ocr.h"
#include "tests/test_support.h"

namespace luutru::indexer {
namespace {

struct RealFile {
  const char* name;
  int pages;
  bool scanned;
};

const RealFile kFiles[] = {
    {"qn_2020_05-CT-UBND_scan.pdf", 2, true},           {"qn_2018_07-CT-UBND_scan.pdf", 4, true},
    {"qn_2025_23-BC-UBND_scan.pdf", 2, true},           {"qn_2025_574-UBND-KTTH_scan.pdf", 2, true},
    {"hcmuit_2026_753-KH-DCT_scan_noocr.pdf", 4, true}, {"qn_2025_11-TB-UBND_text.pdf", 2, false},
    {"bnnmt_2026_445-QD-BNNMT_text.pdf", 16, false},
};

void PrintTo(const RealFile& file, std::ostream* os) { *os << file.name; }

class RealPageChoice : public ::testing::TestWithParam<RealFile> {};

TEST_P(RealPageChoice, DecidesEveryPage) {
  LUUTRU_REQUIRE_SHARED(shared);
  const RealFile& file = GetParam();
  const std::string path = (shared / "real-pdfs" / file.name).string();
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  ASSERT_TRUE(doc) << path;
  ASSERT_EQ(doc->pages(), file.pages);
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    const poppler::byte_array utf8 = page->text().to_utf8();
    const std::string text(utf8.begin(), utf8.end());
    EXPECT_EQ(PageNeedsOcr(*page, text), file.scanned)
        << file.name << " page " << i + 1 << " (text layer of " << text.size() << " bytes)";
  }
}

TEST(RealPageChoiceStamp, StampOnlyPagesHaveAShortTextLayer) {
  // Guards the premise of the test above: page 1 of these scans is not empty but a stamp.
  LUUTRU_REQUIRE_SHARED(shared);
  for (const char* name : {"qn_2020_05-CT-UBND_scan.pdf", "qn_2018_07-CT-UBND_scan.pdf", "qn_2025_23-BC-UBND_scan.pdf",
                           "qn_2025_574-UBND-KTTH_scan.pdf"}) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file((shared / "real-pdfs" / name).string()));
    ASSERT_TRUE(doc) << name;
    std::unique_ptr<poppler::page> page(doc->create_page(0));
    const poppler::byte_array utf8 = page->text().to_utf8();
    const std::string text(utf8.begin(), utf8.end());
    EXPECT_GT(text.size(), 50u) << name;
    EXPECT_LT(text.size(), 400u) << name;
    EXPECT_NE(text.find("+07:00"), std::string::npos) << name << ": " << text;
  }
}

INSTANTIATE_TEST_SUITE_P(Files, RealPageChoice, ::testing::ValuesIn(kFiles),
                         [](const ::testing::TestParamInfo<RealFile>& info) {
                           std::string n = info.param.name;
                           for (char& c : n) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace luutru::indexer
