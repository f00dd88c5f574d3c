// CenteredSummary on word boxes laid out as on real scans (points, from the top left).
#include "indexer/metadata/centered_summary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/metadata/header_metadata.h"

namespace luutru::indexer {
namespace {

using catalog::WordBox;

// Words of one line, `gap` points apart, from `x`; each byte is 6 points wide.
void AddLine(std::vector<WordBox>& words, float x, float y, const std::vector<std::string>& texts, float gap = 4) {
  for (const std::string& t : texts) {
    const float width = 6.0f * static_cast<float>(t.size());
    words.push_back(WordBox{t, x, y, x + width, y + 12});
    x += width + gap;
  }
}

// Width of a line AddLine lays out.
float Width(const std::vector<std::string>& texts, float gap = 4) {
  float w = 0;
  for (const std::string& t : texts) w += 6.0f * static_cast<float>(t.size()) + gap;
  return w - gap;
}

// A line centred on x = 300.
void AddCentred(std::vector<WordBox>& words, float y, const std::vector<std::string>& texts) {
  AddLine(words, 300 - Width(texts) / 2, y, texts);
}

const std::vector<std::string> kHeading = {"CHỈ", "THỊ"};
const std::vector<std::string> kLine1 = {"Về", "việc", "tăng", "cường", "công", "tác", "thi", "hành", "án"};
const std::vector<std::string> kLine2 = {"trên", "địa", "bàn", "tỉnh", "Quảng", "Ngãi"};

// The page of the 2018 Quảng Ngãi directive: the incoming stamp left of the summary, its last
// line run into the first line of the body.
std::vector<WordBox> StampedPage() {
  std::vector<WordBox> w;
  AddLine(w, 60, 40, {"ỦY", "BAN", "NHÂN", "DÂN"});
  AddCentred(w, 100, kHeading);
  AddLine(w, 8, 120, {"[:RuN6", "TÊM-CÔNG", "BẢO"});
  AddCentred(w, 120, kLine1);
  AddLine(w, 20, 136, {"CV", "T86:", ".J}L-2"});
  AddCentred(w, 136, kLine2);
  AddLine(w, 7, 152, {"lpệ", ":", "Ngày", ":404"});
  AddLine(w, 14, 168, {"ĐẾN", "Chuyển:", "Trong", "thời", "gian", "qua,", "công", "tác", "triển", "khai"});
  return w;
}

const char kStampedText[] =
    "[:RuN6 TÊM-CÔNG BẢO Về việc tăng cường công tác thi hành án CV T86: .J}L-2 trên địa bàn "
    "tỉnh Quảng Ngãi lpệ : Ngày :404 ĐẾN Chuyển: Trong thời gian qua, công tác triển khai";

TEST(CenteredSummary, IncomingStampBesideTheSummaryIsLeftOut) {
  const auto summary = CenteredSummary(StampedPage(), "Chỉ thị", kStampedText);
  ASSERT_TRUE(summary);
  EXPECT_EQ(*summary, "Về việc tăng cường công tác thi hành án trên địa bàn tỉnh Quảng Ngãi");
}

TEST(CenteredSummary, StampRightOfTheSummaryIsLeftOutToo) {
  std::vector<WordBox> w;
  AddCentred(w, 100, {"QUYẾT", "ĐỊNH"});
  AddCentred(w, 120, kLine1);
  AddLine(w, 470, 120, {"MẬT"});
  AddCentred(w, 136, kLine2);
  const auto summary =
      CenteredSummary(w, "Quyết định", "Về việc tăng cường công tác thi hành án MẬT trên địa bàn tỉnh Quảng Ngãi");
  ASSERT_TRUE(summary);
  EXPECT_EQ(*summary, "Về việc tăng cường công tác thi hành án trên địa bàn tỉnh Quảng Ngãi");
}

// OCR lost the last word of the second line, which is no longer centred: the text's summary,
// with nothing beside it, must stand whole rather than be cut at that line.
TEST(CenteredSummary, CleanSummaryStandsWhenALineIsNotCentred) {
  std::vector<WordBox> w;
  AddCentred(w, 100, kHeading);
  AddCentred(w, 120, kLine1);
  AddLine(w, 300 - Width(kLine2) / 2, 136, {"trên", "địa", "bàn", "tỉnh", "Quảng"});
  EXPECT_FALSE(CenteredSummary(w, "Chỉ thị", "Về việc tăng cường công tác thi hành án trên địa bàn tỉnh Quảng"));
  // Every line centred and nothing beside it: nothing to change either.
  std::vector<WordBox> clean;
  AddCentred(clean, 100, kHeading);
  AddCentred(clean, 120, kLine1);
  AddCentred(clean, 136, kLine2);
  EXPECT_FALSE(
      CenteredSummary(clean, "Chỉ thị", "Về việc tăng cường công tác thi hành án trên địa bàn tỉnh Quảng Ngãi"));
}

// No heading standing alone (the summary begins on the heading's line, or OCR missed the
// heading), and a type the page does not show: the text's summary stands.
TEST(CenteredSummary, WithoutAHeadingAloneOnItsLineNothingIsChanged) {
  std::vector<WordBox> w;
  AddCentred(w, 100, {"THÔNG", "BÁO", "KẾT", "LUẬN"});
  AddLine(w, 8, 120, {"ĐẾN", "Số:"});
  AddCentred(w, 120, {"của", "Ban", "Thường", "vụ"});
  EXPECT_FALSE(CenteredSummary(w, "Thông báo", "KẾT LUẬN ĐẾN Số: của Ban Thường vụ"));
  EXPECT_FALSE(CenteredSummary(StampedPage(), "Quyết định", kStampedText));
  EXPECT_FALSE(CenteredSummary({}, "Chỉ thị", kStampedText));
}

// The body after the summary is not in the text's summary, centred or not: it ends there.
TEST(CenteredSummary, EndsWhereTheTextsSummaryEnds) {
  std::vector<WordBox> w = StampedPage();
  AddCentred(w, 184, {"CHỈ", "THỊ", "NÀY", "CÓ", "HIỆU", "LỰC"});
  const auto summary = CenteredSummary(w, "Chỉ thị", "[:RuN6 TÊM-CÔNG BẢO Về việc tăng cường công tác thi hành án");
  ASSERT_TRUE(summary);
  EXPECT_EQ(*summary, "Về việc tăng cường công tác thi hành án");
}

// Through the indexer's entry point: a page's words take part only when it has them.
TEST(CenteredSummary, ThePageEntryPointUsesTheWords) {
  catalog::Page page;
  page.text =
      "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 07/CT-UBND\nCHỈ THỊ\n"
      "[:RuN6 TÊM-CÔNG BẢO Về việc tăng cường công tác thi hành án\n"
      "CV T86: .J}L-2 trên địa bàn tỉnh Quảng Ngãi\n\nTrong thời gian qua, công tác triển khai\n";
  const auto from_text = ExtractHeaderMetadata(page);
  ASSERT_TRUE(from_text.title);
  EXPECT_NE(from_text.title->find("TÊM-CÔNG"), std::string::npos) << *from_text.title;
  std::vector<WordBox> w;
  AddCentred(w, 100, kHeading);
  AddLine(w, 8, 120, {"[:RuN6", "TÊM-CÔNG", "BẢO"});
  AddCentred(w, 120, kLine1);
  AddLine(w, 20, 136, {"CV", "T86:", ".J}L-2"});
  AddCentred(w, 136, kLine2);
  page.words = w;
  const auto from_words = ExtractHeaderMetadata(page);
  EXPECT_EQ(from_words.title.value_or("?"), "Về việc tăng cường công tác thi hành án trên địa bàn tỉnh Quảng Ngãi");
  EXPECT_EQ(from_words.number, from_text.number);
  EXPECT_EQ(from_words.type, from_text.type);
}

}  // namespace
}  // namespace luutru::indexer
