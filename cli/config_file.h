// The options every luutru program shares (--version, --config FILE) and the configuration file.
//
// The file (/etc/luutru/luutru.conf in the package, luutru.conf(5)) has one [section] a program
// ([serve] for luutru-serve, [index] for luutru-index) of `name = value` lines whose names are the
// program's long options ("db", "listen", "ocr-lang"); an option that takes several values is
// repeated, one value a line; '#' starts a comment. An option given on the command line replaces
// the file's (all of its values), so flags always override the file. A name the program does not
// know, or a line outside a known section, is an error naming the file: a misspelt setting never
// passes in silence.
#ifndef LUUTRU_CLI_CONFIG_FILE_H_
#define LUUTRU_CLI_CONFIG_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

namespace luutru::cli {

// The file read when --config is not given, if it exists: "/etc/luutru/luutru.conf".
std::string_view DefaultConfigFile();

// Adds --version to `options`, and --config FILE when `with_config`.
void AddCommonOptions(boost::program_options::options_description& options, bool english, bool with_config);

// Stores the options of `section` from the configuration file into `vm`, which already holds the
// command line (call it before notify()). The file is --config's; without --config, the default
// file when it exists; `--config ''` reads none. `groups` lists options that stand for one another
// (for luutru-index, the PATHs and --jsonl): the file's option is ignored when the command line
// gave any option of its group. Returns the error, naming the file and the reason; empty when the
// file was read or there was none to read.
std::string StoreConfigFile(const boost::program_options::options_description& options, std::string_view section,
                            const std::vector<std::vector<std::string>>& groups, bool english,
                            boost::program_options::variables_map& vm);

}  // namespace luutru::cli

#endif  // LUUTRU_CLI_CONFIG_FILE_H_
