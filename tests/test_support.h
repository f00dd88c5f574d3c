// Helpers shared by the test suites.
#ifndef LUUTRU_TESTS_TEST_SUPPORT_H_
#define LUUTRU_TESTS_TEST_SUPPORT_H_

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace luutru::testing {

// The project's shared material (real PDFs, the real OCR page) lives in ../shared beside the
// checkout in CI; LUUTRU_SHARED_DIR overrides. A user's clone has none: tests that need it skip.
inline std::optional<std::filesystem::path> SharedDir() {
  std::filesystem::path dir;
  if (const char* env = std::getenv("LUUTRU_SHARED_DIR"); env && *env) {
    dir = env;
  } else {
    dir = std::filesystem::path(LUUTRU_SOURCE_DIR).parent_path() / "shared";
  }
  if (std::filesystem::is_directory(dir)) return dir;
  return std::nullopt;
}

inline std::filesystem::path SourceDir() { return LUUTRU_SOURCE_DIR; }
inline std::filesystem::path BinaryDir() { return LUUTRU_BINARY_DIR; }

}  // namespace luutru::testing

// Skips the current test when ../shared is absent, with a message that says why.
#define LUUTRU_REQUIRE_SHARED(var)                                                   \
  auto var##_opt = ::luutru::testing::SharedDir();                                   \
  if (!var##_opt) {                                                                  \
    GTEST_SKIP() << "../shared is not beside this checkout (set LUUTRU_SHARED_DIR); " \
                    "the real-document tests run in CI";                             \
  }                                                                                  \
  const std::filesystem::path var = *var##_opt

#endif  // LUUTRU_TESTS_TEST_SUPPORT_H_
