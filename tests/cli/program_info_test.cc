// --version and the helper programs' places.
#include "cli/program_info.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace luutru::cli {
namespace {

TEST(VersionText, NamesTheProgramAndTheProjectVersion) {
  EXPECT_EQ(VersionText("luutru-index"), "luutru-index (luutru) " + std::string(Version()) + "\n");
  // Major.minor.patch, as CMake's project(VERSION) gives it.
  EXPECT_TRUE(std::count(Version().begin(), Version().end(), '.') == 2) << Version();
}

TEST(HelperCandidates, TheInstalledLayoutFirstThenBesideTheProgram) {
  char self[4096];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  ASSERT_GT(n, 0);
  const std::filesystem::path dir = std::filesystem::path(std::string(self, static_cast<size_t>(n))).parent_path();
  const auto candidates = HelperCandidates("luutru-index-worker", nullptr);
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0], (dir.parent_path() / "lib/luutru/luutru-index-worker").lexically_normal());
  EXPECT_EQ(candidates[1], dir / "luutru-index-worker");
}

TEST(FindHelper, FindsAnExecutableBesideTheProgramAndNothingElse) {
  // The test program itself is an executable beside itself.
  char self[4096];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  ASSERT_GT(n, 0);
  const std::filesystem::path me(std::string(self, static_cast<size_t>(n)));
  EXPECT_EQ(FindHelper(me.filename().string(), nullptr), me);
  EXPECT_TRUE(FindHelper("no-such-helper", nullptr).empty());
}

}  // namespace
}  // namespace luutru::cli
