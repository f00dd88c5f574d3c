// Helpers shared by the test suites.
#ifndef LUUTRU_TESTS_TEST_SUPPORT_H_
#define LUUTRU_TESTS_TEST_SUPPORT_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
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

// What a command printed on standard output, and how it ended.
struct CommandResult {
  int exit_code = -1;  // -1 when it did not exit normally
  std::string out;
};

// Runs `command` with /bin/sh; standard error goes where the test's goes unless redirected.
inline CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) result.out.append(buf, n);
  const int status = ::pclose(pipe);
  if (status != -1 && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

// A fresh directory under the system's temporary folder, removed when it goes out of scope.
class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    path_ = std::filesystem::temp_directory_path() /
            ("luutru-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::filesystem::path path_;
};

}  // namespace luutru::testing

// Skips the current test when ../shared is absent, with a message that says why.
#define LUUTRU_REQUIRE_SHARED(var)                                                    \
  auto var##_opt = ::luutru::testing::SharedDir();                                    \
  if (!var##_opt) {                                                                   \
    GTEST_SKIP() << "../shared is not beside this checkout (set LUUTRU_SHARED_DIR); " \
                    "the real-document tests run in CI";                              \
  }                                                                                   \
  const std::filesystem::path var = *var##_opt

#endif  // LUUTRU_TESTS_TEST_SUPPORT_H_
