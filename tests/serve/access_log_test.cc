#include "search/serve/access_log.h"

#include <filesystem>
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

TEST(AccessLogTest, ReopensAfterRotationSoNoLineIsLost) {
  luutru::testing::TempDir dir("access-log-rotate");
  const auto path = dir.path() / "access.jsonl";
  auto count = [](const std::filesystem::path& p) {
    std::ifstream in(p);
    int n = 0;
    for (std::string l; std::getline(in, l);) ++n;
    return n;
  };
  const AccessRecord view{"thuthu", "a/b.pdf#1-2", 2, "page", Secrecy::kSecret, "127.0.0.1"};
  AccessLog log(path.string());
  ASSERT_TRUE(log.Record(view));
  std::filesystem::rename(path, dir.path() / "access.jsonl.1");
  ASSERT_TRUE(log.Reopen());  // what SIGHUP does
  ASSERT_TRUE(log.Record(view));
  std::filesystem::rename(path, dir.path() / "access.jsonl.2");  // no signal
  ASSERT_TRUE(log.Record(view));
  std::filesystem::remove(path);  // deleted
  ASSERT_TRUE(log.Record(view));
  ASSERT_TRUE(log.Record(view));
  EXPECT_EQ(count(dir.path() / "access.jsonl.1"), 1);
  EXPECT_EQ(count(dir.path() / "access.jsonl.2"), 1);
  EXPECT_EQ(count(path), 2);
  // A path that cannot be opened: the line is refused, never dropped silently.
  std::filesystem::remove(path);
  std::filesystem::create_directory(path);
  EXPECT_FALSE(log.Record(view));
  EXPECT_FALSE(log.Reopen());
  std::filesystem::remove(path);
  EXPECT_TRUE(log.Record(view));
  EXPECT_EQ(count(path), 1);
}

TEST(AccessLogTest, AFailedLoginIsALine) {
  luutru::testing::TempDir dir("access-log-login");
  const auto path = dir.path() / "access.jsonl";
  {
    AccessLog log(path.string());
    ASSERT_TRUE(log.Record(AccessRecord{"ai-do", "", std::nullopt, "login-failed", std::nullopt, "192.0.2.7"}));
  }
  std::ifstream in(path);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  const auto record = nlohmann::json::parse(line);
  EXPECT_EQ(record["endpoint"], "login-failed");
  EXPECT_EQ(record["user"], "ai-do");
  EXPECT_TRUE(record["document"].is_null());
  EXPECT_TRUE(record["secrecy"].is_null());
  EXPECT_EQ(record["remote"], "192.0.2.7");
}

TEST(AccessLogTest, UnwritableFileIsAnErrorAtStart) {
  EXPECT_THROW(AccessLog("/nonexistent-dir/luutru/access.jsonl"), std::runtime_error);
}

}  // namespace
}  // namespace luutru::serve
