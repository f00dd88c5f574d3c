// What a luutru program knows of itself: its version (the project's, one for every program) and
// where its helper programs are. Installed, helpers live in lib/luutru/ beside bin/ (the folder
// Debian gives programs only other programs run); in the build tree, beside the program. Both are
// found from the running executable (/proc/self/exe), so a program works from any current
// folder and from any installation prefix.
#ifndef LUUTRU_CLI_PROGRAM_INFO_H_
#define LUUTRU_CLI_PROGRAM_INFO_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace luutru::cli {

// The project's version, "0.1.0".
std::string_view Version();

// What `PROGRAM --version` prints: "luutru-index (luutru) 0.1.0\n".
std::string VersionText(std::string_view program);

// The places `helper` is looked for, in order: the installed layout's helper folder, then the
// folder of the running program. `argv0` stands in for the executable when /proc is not mounted.
std::vector<std::filesystem::path> HelperCandidates(std::string_view helper, const char* argv0);

// The first candidate that is an executable file; empty when there is none.
std::filesystem::path FindHelper(std::string_view helper, const char* argv0);

}  // namespace luutru::cli

#endif  // LUUTRU_CLI_PROGRAM_INFO_H_
