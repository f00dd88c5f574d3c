#include "search/serve/access_log.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace luutru::serve {
namespace {

using catalog::Secrecy;

TEST(AccessLogTest, OnlySecretDocumentsAreLogged) {
  EXPECT_FALSE(AccessLog::MustLog(Secrecy::kNormal));
  EXPECT_TRUE(AccessLog::MustLog(Secrecy::kConfidential));
  EXPECT_TRUE(AccessLog::MustLog(Secrecy::kTopSecret));
  EXPECT_TRUE(AccessLog::MustLog(std::nullopt));  // unreadable secrecy counts as mật
}

TEST(AccessLogTest, AppendsOneJsonLinePerView) {
  luutru::testing::TempDir dir("access-log");
  const auto path = dir.path() / "access.jsonl";
  {
    std::ofstream(path) << "{\"earlier\":true}\n";
    AccessLog log(path.string());
    ASSERT_TRUE(log.Record(AccessRecord{"thuthu", "a/b.pdf#1-2", 2, "page", Secrecy::kSecret, "127.0.0.1"}));
    ASSERT_TRUE(log.Record(AccessRecord{"", "a/c.pdf#1-1", std::nullopt, "document", Secrecy::kConfidential, "::1"}));
  }
  std::ifstream in(path);
  std::string line;
  std::vector<nlohmann::json> lines;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 3u);  // appended, never truncated
  EXPECT_EQ(lines[1]["user"], "thuthu");
  EXPECT_EQ(lines[1]["document"], "a/b.pdf#1-2");
  EXPECT_EQ(lines[1]["page"], 2);
  EXPECT_EQ(lines[1]["endpoint"], "page");
  EXPECT_EQ(lines[1]["secrecy"], "tối mật");
  EXPECT_EQ(lines[1]["time"].get<std::string>().size(), std::string("2026-01-01T00:00:00Z").size());
  EXPECT_TRUE(lines[2]["user"].is_null());
  EXPECT_TRUE(lines[2]["page"].is_null());
}

TEST(AccessLogTest, UnwritableFileIsAnErrorAtStart) {
  EXPECT_THROW(AccessLog("/nonexistent-dir/luutru/access.jsonl"), std::runtime_error);
}

}  // namespace
}  // namespace luutru::serve
