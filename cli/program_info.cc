// Version text and helper-program lookup (program_info.h).
#include "cli/program_info.h"

#include <unistd.h>

#include <system_error>

#include "cli/build_info.h"

namespace luutru::cli {

std::string_view Version() { return LUUTRU_VERSION; }

std::string VersionText(std::string_view program) {
  return std::string(program) + " (luutru) " + LUUTRU_VERSION + "\n";
}

std::vector<std::filesystem::path> HelperCandidates(std::string_view helper, const char* argv0) {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || self.empty()) self = argv0 ? std::filesystem::absolute(argv0, ec) : std::filesystem::path();
  const std::filesystem::path dir = self.parent_path();
  return {(dir / LUUTRU_HELPER_DIR_FROM_BIN / helper).lexically_normal(), dir / helper};
}

std::filesystem::path FindHelper(std::string_view helper, const char* argv0) {
  for (const std::filesystem::path& candidate : HelperCandidates(helper, argv0)) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

}  // namespace luutru::cli
