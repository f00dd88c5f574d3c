// The real document numbers of ../shared/real-notations.tsv (1945 to today), indexed through
// luutru-index --jsonl once as catalog data and once only in the text ("Số: …" under the
// issuer): --number finds every document bearing each of them.
#include <gtest/gtest.h>

#include <unistd.h>

#include "bench/notation/number_recall.h"
#include "tests/test_support.h"

namespace luutru::bench {
namespace {

std::string Listed(const std::vector<std::string>& numbers) {
  std::string out;
  for (const auto& n : numbers) out += "\n  " + n;
  return out;
}

TEST(RealNotations, NumberFindsEveryDocumentFromCatalogAndFromText) {
  LUUTRU_REQUIRE_SHARED(shared);
  const auto tsv = shared / "real-notations.tsv";
  if (!std::filesystem::exists(tsv)) GTEST_SKIP() << tsv << " is absent";
  const auto notations = ReadRealNotations(tsv);
  ASSERT_GT(notations.size(), 1000u);
  luutru::testing::TempDir work("real-notations");
  const NumberRecall recall =
      MeasureNumberRecall(notations, luutru::testing::BinaryDir() / "indexer" / "luutru-index", work.path());
  EXPECT_GT(recall.numbers, 1000u);
  EXPECT_EQ(recall.found_from_catalog, recall.numbers)
      << "missed from catalog data:" << Listed(recall.missed_from_catalog);
  EXPECT_EQ(recall.found_from_text, recall.numbers) << "missed from the text:" << Listed(recall.missed_from_text);
}

}  // namespace
}  // namespace luutru::bench
