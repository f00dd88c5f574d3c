// The configuration file (config_file.h), read with Boost.Program_options' own parser.
#include "cli/config_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "cli/build_info.h"

namespace po = boost::program_options;

namespace luutru::cli {
namespace {

// The sections of the one file; each program reads its own and leaves the others to theirs.
constexpr std::string_view kSections[] = {"serve", "index"};

// Options that make no sense in a file: they would not change what the program does with it.
constexpr std::string_view kCommandLineOnly[] = {"config", "help", "version"};

bool GivenOnCommandLine(const po::variables_map& vm, const std::string& name) {
  auto it = vm.find(name);
  return it != vm.end() && !it->second.defaulted();
}

}  // namespace

std::string_view DefaultConfigFile() { return LUUTRU_DEFAULT_CONFIG_FILE; }

void AddCommonOptions(po::options_description& options, bool english, bool with_config) {
  options.add_options()("version", english ? "print the version and exit" : "in phiên bản rồi thoát");
  if (!with_config) return;
  const std::string help =
      english ? "configuration file (default " + std::string(DefaultConfigFile()) + " when it exists; '' for none)"
              : "tệp cấu hình (mặc định " + std::string(DefaultConfigFile()) + " nếu có; '' để không đọc)";
  options.add_options()("config", po::value<std::string>()->value_name("FILE"), help.c_str());
}

std::string StoreConfigFile(const po::options_description& options, std::string_view section,
                            const std::vector<std::vector<std::string>>& groups, bool english, po::variables_map& vm) {
  std::string file;
  if (GivenOnCommandLine(vm, "config")) {
    file = vm["config"].as<std::string>();
    if (file.empty()) return {};
  } else {
    std::error_code ec;
    if (!std::filesystem::exists(DefaultConfigFile(), ec)) return {};
    file = DefaultConfigFile();
  }
  std::ifstream in(file);
  if (!in) {
    return (english ? "cannot read the configuration file " : "không đọc được tệp cấu hình ") + file;
  }
  try {
    // Parsed without a description: every line comes back as "section.name", checked below.
    const po::options_description none;
    const po::parsed_options lines = po::parse_config_file(in, none, true);
    po::parsed_options mine(&options);
    const std::string prefix = std::string(section) + ".";
    for (const po::option& line : lines.options) {
      const std::string& key = line.string_key;
      const size_t dot = key.find('.');
      const std::string_view key_section =
          dot == std::string::npos ? std::string_view() : std::string_view(key).substr(0, dot);
      if (std::find(std::begin(kSections), std::end(kSections), key_section) == std::end(kSections)) {
        return file + (english ? ": '" + key + "' is not in a [serve] or [index] section"
                               : ": '" + key + "' không nằm trong mục [serve] hay [index]");
      }
      if (key.compare(0, prefix.size(), prefix) != 0) continue;  // another program's section
      const std::string name = key.substr(prefix.size());
      const bool command_line_only =
          std::find(std::begin(kCommandLineOnly), std::end(kCommandLineOnly), name) != std::end(kCommandLineOnly);
      if (command_line_only || options.find_nothrow(name, false) == nullptr) {
        return file + (english ? ": unknown option in [" : ": tùy chọn không có trong [") + std::string(section) +
               "]: " + name;
      }
      bool replaced = GivenOnCommandLine(vm, name);
      for (const std::vector<std::string>& group : groups) {
        if (std::find(group.begin(), group.end(), name) == group.end()) continue;
        for (const std::string& other : group) replaced = replaced || GivenOnCommandLine(vm, other);
      }
      if (replaced) continue;
      po::option option(name, line.value);
      option.original_tokens = {name};
      option.original_tokens.insert(option.original_tokens.end(), line.value.begin(), line.value.end());
      mine.options.push_back(std::move(option));
    }
    po::store(mine, vm);
  } catch (const po::error& e) {
    return file + ": " + e.what();
  }
  return {};
}

}  // namespace luutru::cli
