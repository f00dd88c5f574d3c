#include "search/serve/page_image.h"

#include <gtest/gtest.h>

namespace luutru::serve {
namespace {

TEST(WordsToHighlightTest, WordsWithoutMarksMatchEverySpelling) {
  const HighlightWords words = WordsToHighlight("vi nguoi ngheo");
  EXPECT_EQ(words.folded, (std::set<std::string>{"vi", "nguoi", "ngheo"}));
  EXPECT_TRUE(words.exact.empty());
}

TEST(WordsToHighlightTest, WordsWithMarksKeepTheirSpelling) {
  const HighlightWords words = WordsToHighlight("Quỹ VÌ người nghèo 2023");
  EXPECT_EQ(words.exact, (std::set<std::string>{"quỹ", "vì", "người", "nghèo"}));
  EXPECT_EQ(words.exact_folded, (std::set<std::string>{"quy", "vi", "nguoi", "ngheo"}));
  EXPECT_EQ(words.folded, (std::set<std::string>{"2023"}));
}

TEST(WordsToHighlightTest, FieldNamesAreNotMarkedButTheirValuesAre) {
  const HighlightWords words = WordsToHighlight("giam ngheo loai:\"chi thi\" nam:2023");
  EXPECT_EQ(words.folded.count("loai"), 0u);
  EXPECT_EQ(words.folded.count("nam"), 0u);
  EXPECT_EQ(words.folded.count("ngheo"), 1u);
  EXPECT_EQ(words.folded.count("chi"), 1u);
}

TEST(RenderPagePngTest, AMissingFileIsAnError) {
  catalog::ArchiveDocument doc;
  doc.path = "/nonexistent/luutru/khong-co.pdf";
  EXPECT_THROW(RenderPagePng(doc, 1, 72, {}), PageImageError);
}

}  // namespace
}  // namespace luutru::serve
