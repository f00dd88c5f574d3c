// OcrEngine on page 1 of each real scan (about 2 s a page), and its errors.
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "indexer/metadata/header_metadata.h"
#include "indexer/ocr/ocr.h"
#include "tests/ocr/ocr_word_match.h"
#include "tests/test_support.h"
#include "tokenizers/normalize.h"

namespace luutru::indexer {
namespace {

// Lower case without marks and with đ as d, so that a dropped or misread mark does not hide a
// word the search would still find through its folded form.
std::string Fold(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  static std::unique_ptr<icu::Transliterator> fold(
      icu::Transliterator::createInstance("NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, status));
  EXPECT_TRUE(U_SUCCESS(status));
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  fold->transliterate(text);
  text.findAndReplace(u"đ", u"d");
  std::string out;
  text.toUTF8String(out);
  return out;
}

bool IsNfc(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return nfc->isNormalized(icu::UnicodeString::fromUTF8(utf8), status) && U_SUCCESS(status);
}

struct ScanPage {
  const char* file;
  double dpi;                             // of its page image (pdfimages -list)
  std::vector<std::string> folded_words;  // words the page shows, in folded form
};

void PrintTo(const ScanPage& scan, std::ostream* os) { *os << scan.file; }

// Only words printed in the body of page 1 (not the stamp, which the text layer already has).
const ScanPage kScans[] = {
    {"qn_2020_05-CT-UBND_scan.pdf", 100, {"quang ngai", "chi thi", "thue dien tu"}},
    {"qn_2018_07-CT-UBND_scan.pdf", 301, {"quang ngai", "chi thi", "thi hanh an"}},
    {"qn_2025_23-BC-UBND_scan.pdf", 300, {"quang ngai", "bao cao", "cai cach thu tuc hanh chinh"}},
    {"qn_2025_574-UBND-KTTH_scan.pdf", 300, {"quang ngai", "hdnd tinh", "ky hop thu 31"}},
    {"hcmuit_2026_753-KH-DCT_scan_noocr.pdf", 240, {"ke hoach", "cong thuong", "khao sat"}},
};

class RealScanOcr : public ::testing::TestWithParam<ScanPage> {
 protected:
  static void SetUpTestSuite() { engine_ = new OcrEngine("vie"); }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  static OcrEngine* engine_;
};
OcrEngine* RealScanOcr::engine_ = nullptr;

TEST_P(RealScanOcr, FirstPageReadsItsWords) {
  LUUTRU_REQUIRE_SHARED(shared);
  const ScanPage& scan = GetParam();
  const std::filesystem::path pdf = shared / "real-pdfs" / scan.file;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
  ASSERT_TRUE(doc);
  const OcrPage page = engine_->Recognize(pdf, *doc, 0);
  // Each is one scanned image (under a small seal on some), read at its own resolution.
  EXPECT_TRUE(page.from_embedded_image) << scan.file;
  EXPECT_NEAR(page.image_dpi, scan.dpi, 1.5) << scan.file;

  const std::string folded = Fold(page.text);
  for (const std::string& word : scan.folded_words) {
    EXPECT_NE(folded.find(word), std::string::npos) << scan.file << " lacks \"" << word << "\" in:\n" << page.text;
  }
  EXPECT_GT(page.text.size(), 800u) << scan.file;
  EXPECT_TRUE(IsNfc(page.text));
  EXPECT_GT(page.mean_confidence, 60) << scan.file;
  EXPECT_LE(page.mean_confidence, 100);

  // Word boxes lie on the page, in points from the top left, and spell the text.
  std::unique_ptr<poppler::page> p(doc->create_page(0));
  const poppler::rectf size = p->page_rect();
  ASSERT_GT(page.words.size(), 100u);
  double top_of_first = -1, top_of_last = -1;
  size_t found_in_text = 0;
  for (const OcrWord& w : page.words) {
    EXPECT_FALSE(w.text.empty());
    EXPECT_LE(0, w.x0);
    EXPECT_LT(w.x0, w.x1);
    EXPECT_LE(w.x1, size.width() + 1);
    EXPECT_LE(0, w.y0);
    EXPECT_LT(w.y0, w.y1);
    EXPECT_LE(w.y1, size.height() + 1);
    EXPECT_LT(w.y1 - w.y0, 60) << w.text;  // a word is a line high, not a page
    EXPECT_GE(w.confidence, 0);
    EXPECT_LE(w.confidence, 100);
    if (page.text.find(w.text) != std::string::npos) ++found_in_text;
    if (top_of_first < 0) top_of_first = w.y0;
    top_of_last = w.y0;
  }
  EXPECT_EQ(found_in_text, page.words.size());
  EXPECT_LT(top_of_first, top_of_last);  // reading order runs down the page
}

INSTANTIATE_TEST_SUITE_P(Page1, RealScanOcr, ::testing::ValuesIn(kScans),
                         [](const ::testing::TestParamInfo<ScanPage>& info) {
                           std::string n = info.param.file;
                           for (char& c : n) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });

// The 100 dpi scan from its own image and from a 300 dpi rendering: the same words at the same
// places, in page points.
TEST(OcrEngine, OwnImageAndRenderingAgreeOnWordBoxes) {
  LUUTRU_REQUIRE_SHARED(shared);
  const std::filesystem::path pdf = shared / "real-pdfs" / "qn_2020_05-CT-UBND_scan.pdf";
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
  ASSERT_TRUE(doc);
  OcrEngine own("vie");
  OcrEngine rendered("vie", OcrImageOptions{.embedded_image = false});
  const OcrPage a = own.Recognize(pdf, *doc, 0);
  const OcrPage b = rendered.Recognize(pdf, *doc, 0);
  ASSERT_TRUE(a.from_embedded_image);
  ASSERT_FALSE(b.from_embedded_image);
  ASSERT_GT(a.words.size(), 100u);
  // A 100 dpi pixel is 0.72 pt; boxes of the same word agree within a few pixels.
  const size_t matched = WordsAtTheSamePlace(a, b, 4);
  EXPECT_GE(matched, a.words.size() * 8 / 10);
}

// The 2018 directive bears the incoming stamp ("ĐẾN", "Số:", "Ngày:", "Chuyển:") left of its
// summary, and OCR reads them as one line: the summary is the centred words only.
TEST(OcrEngine, IncomingStampBesideTheSummaryIsNotPartOfIt) {
  LUUTRU_REQUIRE_SHARED(shared);
  const std::filesystem::path pdf = shared / "real-pdfs" / "qn_2018_07-CT-UBND_scan.pdf";
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
  ASSERT_TRUE(doc);
  OcrEngine engine("vie");
  const OcrPage ocr = engine.Recognize(pdf, *doc, 0);
  catalog::Page page;
  page.text = tokenizers::NormalizeText(ocr.text);
  page.source = catalog::TextSource::kOcr;
  for (const OcrWord& w : ocr.words) {
    page.words.push_back(catalog::WordBox{w.text, static_cast<float>(w.x0), static_cast<float>(w.y0),
                                          static_cast<float>(w.x1), static_cast<float>(w.y1)});
  }
  const catalog::DocumentMetadata meta = ExtractHeaderMetadata(page);
  EXPECT_EQ(meta.type.value_or("?"), "Chỉ thị");
  ASSERT_TRUE(meta.title);
  const std::string folded = Fold(*meta.title);
  EXPECT_EQ(folded.rfind("ve viec tang cuong cong tac thi hanh an hanh chinh", 0), 0u) << *meta.title;
  EXPECT_NE(folded.find("tren dia ban tinh quang ngai"), std::string::npos) << *meta.title;
  for (const char* stamp : {"cong bao", "tin hoc", "chuyen", "ngay"}) {
    EXPECT_EQ(folded.find(stamp), std::string::npos) << stamp << " in " << *meta.title;
  }
}

TEST(OcrEngine, MissingLanguageDataIsAClearError) {
  try {
    OcrEngine engine("xyzlang");
    FAIL() << "an engine without language data was created";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("xyzlang"), std::string::npos) << what;
    EXPECT_NE(what.find("not found"), std::string::npos) << what;
  }
}

TEST(OcrEngine, PageOutsideTheDocumentIsAnError) {
  LUUTRU_REQUIRE_SHARED(shared);
  const std::filesystem::path pdf = shared / "real-pdfs" / "qn_2020_05-CT-UBND_scan.pdf";
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
  ASSERT_TRUE(doc);
  OcrEngine engine("vie");
  EXPECT_THROW(engine.Recognize(pdf, *doc, 2), std::out_of_range);
  EXPECT_THROW(engine.Recognize(pdf, *doc, -1), std::out_of_range);
}

}  // namespace
}  // namespace luutru::indexer
