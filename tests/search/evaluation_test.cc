#include "search/evaluation.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/search/search_fixture.h"

namespace luutru::search::testing {
namespace {

class EvaluationTest : public SearchTest {};

TEST_F(EvaluationTest, RecallAndReciprocalRankPerClass) {
  std::istringstream jsonl(
      R"({"class":"unaccented","query":"xay moi sua chua 419","relevant":["phong-12/dvbq-0345/45-TB-TU.pdf#1-2"]})"
      "\n"
      // The scan that reads "Vi" ranks second.
      R"({"class":"ocr","query":"Vì người nghèo","relevant":["phong-12/dvbq-0345/12-NQ-TU.pdf"]})"
      "\n\n"
      R"({"class":"number","query":"","args":["--number","45-TB/TU","--to","2020"],"relevant":["phong-3/dvbq-0345/45-TB-TU.pdf#1-1"]})"
      "\n"
      R"({"class":"number","query":"","args":{"number":"05/CT-UBND"},"relevant":["nowhere.pdf#1-1"]})"
      "\n");
  const auto quality = Evaluate(*searcher_, jsonl);
  ASSERT_EQ(quality.size(), 3u);
  EXPECT_DOUBLE_EQ(quality.at("unaccented").recall_at_10, 1.0);
  EXPECT_DOUBLE_EQ(quality.at("unaccented").mrr, 1.0);
  // Evaluation runs with full clearance: the secret documents count too, so rank 2 or 3.
  EXPECT_DOUBLE_EQ(quality.at("ocr").recall_at_10, 1.0);
  EXPECT_LT(quality.at("ocr").mrr, 1.0);
  EXPECT_GE(quality.at("ocr").mrr, 1.0 / 3);
  EXPECT_EQ(quality.at("number").queries, 2);
  EXPECT_DOUBLE_EQ(quality.at("number").recall_at_10, 0.5);
  EXPECT_DOUBLE_EQ(quality.at("number").mrr, 0.5);
  EXPECT_EQ(quality.at("number").misses.size(), 1u);
}

TEST(EvaluationOptions, UnknownOptionIsRejected) {
  SearchRequest r;
  EXPECT_THROW(ApplyOptions(nlohmann::json::array({"--colour", "red"}), r), std::invalid_argument);
  ApplyOptions(nlohmann::json::array({"--type=CT", "--from", "2020"}), r);
  EXPECT_EQ(r.type, "CT");
  EXPECT_EQ(r.from, "2020");
}

}  // namespace
}  // namespace luutru::search::testing
