// The configuration file: each program reads its own section, the command line wins, a misspelt
// name or a line outside a section is an error naming the file.
#include "cli/config_file.h"

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace po = boost::program_options;

namespace luutru::cli {
namespace {

// Options shaped like luutru-serve's and luutru-index's: a composing list, a value with a default,
// a switch, a positional list and its alternative.
po::options_description ServeOptions() {
  po::options_description options;
  options.add_options()("db", po::value<std::vector<std::string>>()->composing(), "")(
      "listen", po::value<std::string>()->default_value("127.0.0.1:8080"), "")("users", po::value<std::string>(), "")(
      "threads", po::value<int>()->default_value(8), "");
  AddCommonOptions(options, true, true);
  return options;
}

po::options_description IndexOptions() {
  po::options_description options;
  options.add_options()("db", po::value<std::string>()->required(), "")("full", po::bool_switch(), "")(
      "jsonl", po::value<std::vector<std::string>>()->multitoken(), "")("path", po::value<std::vector<std::string>>(),
                                                                        "");
  AddCommonOptions(options, true, true);
  return options;
}

class ConfigFileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& text) {
    const std::string path = (dir_.path() / "luutru.conf").string();
    std::ofstream(path) << text;
    return path;
  }

  // Parses `args` as a command line, then the file; returns StoreConfigFile's error.
  std::string Parse(const po::options_description& options, const std::string& section, std::vector<std::string> args,
                    po::variables_map& vm) {
    std::vector<const char*> argv = {"program"};
    for (const std::string& a : args) argv.push_back(a.c_str());
    po::positional_options_description positional;
    positional.add("path", -1);
    po::command_line_parser parser(static_cast<int>(argv.size()), argv.data());
    parser.options(options);
    if (section == "index") parser.positional(positional);
    po::store(parser.run(), vm);
    const std::string error = StoreConfigFile(options, section, {{"path", "jsonl"}}, true, vm);
    if (error.empty()) po::notify(vm);
    return error;
  }

  luutru::testing::TempDir dir_{"config-file"};
};

constexpr const char* kBothSections =
    "# the reading room\n"
    "[serve]\n"
    "db = /var/lib/luutru/a\n"
    "db = /var/lib/luutru/b   # a second shard\n"
    "listen = 0.0.0.0:8081\n"
    "threads = 3\n"
    "\n"
    "[index]\n"
    "db = /var/lib/luutru/a\n"
    "path = /srv/archive/phong-12\n"
    "path = /srv/archive/phong-13\n"
    "full = true\n";

TEST_F(ConfigFileTest, EachProgramReadsItsOwnSection) {
  const std::string file = Write(kBothSections);
  po::variables_map serve;
  ASSERT_EQ(Parse(ServeOptions(), "serve", {"--config", file}, serve), "");
  EXPECT_EQ(serve["db"].as<std::vector<std::string>>(),
            (std::vector<std::string>{"/var/lib/luutru/a", "/var/lib/luutru/b"}));
  EXPECT_EQ(serve["listen"].as<std::string>(), "0.0.0.0:8081");
  EXPECT_EQ(serve["threads"].as<int>(), 3);
  EXPECT_EQ(serve.count("users"), 0u);

  po::variables_map index;
  ASSERT_EQ(Parse(IndexOptions(), "index", {"--config", file}, index), "");
  EXPECT_EQ(index["db"].as<std::string>(), "/var/lib/luutru/a");
  EXPECT_EQ(index["path"].as<std::vector<std::string>>(),
            (std::vector<std::string>{"/srv/archive/phong-12", "/srv/archive/phong-13"}));
  EXPECT_TRUE(index["full"].as<bool>());
}

TEST_F(ConfigFileTest, TheCommandLineReplacesTheFile) {
  const std::string file = Write(kBothSections);
  po::variables_map serve;
  ASSERT_EQ(Parse(ServeOptions(), "serve", {"--config", file, "--db", "/tmp/x", "--listen", "127.0.0.1:0"}, serve), "");
  // Every value of a list is replaced, not added to.
  EXPECT_EQ(serve["db"].as<std::vector<std::string>>(), std::vector<std::string>{"/tmp/x"});
  EXPECT_EQ(serve["listen"].as<std::string>(), "127.0.0.1:0");
  EXPECT_EQ(serve["threads"].as<int>(), 3);

  po::variables_map paths;
  ASSERT_EQ(Parse(IndexOptions(), "index", {"--config", file, "/home/scans"}, paths), "");
  EXPECT_EQ(paths["path"].as<std::vector<std::string>>(), std::vector<std::string>{"/home/scans"});

  // --jsonl stands for the PATHs: the file's PATHs must not be read as JSONL files.
  po::variables_map jsonl;
  ASSERT_EQ(Parse(IndexOptions(), "index", {"--config", file, "--jsonl", "docs.jsonl"}, jsonl), "");
  EXPECT_EQ(jsonl.count("path"), 0u);
  EXPECT_EQ(jsonl["jsonl"].as<std::vector<std::string>>(), std::vector<std::string>{"docs.jsonl"});
}

TEST_F(ConfigFileTest, AMisspeltNameIsAnErrorNamingTheFile) {
  const std::string file = Write("[serve]\nlsten = 127.0.0.1:9000\n");
  po::variables_map vm;
  EXPECT_EQ(Parse(ServeOptions(), "serve", {"--config", file}, vm), file + ": unknown option in [serve]: lsten");
}

TEST_F(ConfigFileTest, ALineOutsideTheSectionsIsAnError) {
  const std::string outside = Write("db = /var/lib/luutru/db\n[serve]\nthreads = 2\n");
  po::variables_map vm;
  EXPECT_EQ(Parse(ServeOptions(), "serve", {"--config", outside}, vm),
            outside + ": 'db' is not in a [serve] or [index] section");
  const std::string unknown = Write("[sevre]\nthreads = 2\n");
  po::variables_map vm2;
  EXPECT_EQ(Parse(ServeOptions(), "serve", {"--config", unknown}, vm2),
            unknown + ": 'sevre.threads' is not in a [serve] or [index] section");
}

TEST_F(ConfigFileTest, AnotherProgramsOptionsAreLeftToIt) {
  // "path" is luutru-index's, not luutru-serve's: in [index] it is no error for the server.
  const std::string file = Write("[serve]\nthreads = 2\n[index]\npath = /srv/archive\nocr-lang = vie\n");
  po::variables_map vm;
  EXPECT_EQ(Parse(ServeOptions(), "serve", {"--config", file}, vm), "");
  EXPECT_EQ(vm["threads"].as<int>(), 2);
}

TEST_F(ConfigFileTest, CommandLineOnlyOptionsAreRefusedInTheFile) {
  const std::string file = Write("[serve]\nconfig = /etc/other.conf\n");
  po::variables_map vm;
  EXPECT_EQ(Parse(ServeOptions(), "serve", {"--config", file}, vm), file + ": unknown option in [serve]: config");
}

TEST_F(ConfigFileTest, ABadValueNamesTheFile) {
  const std::string file = Write("[serve]\nthreads = many\n");
  po::variables_map vm;
  const std::string error = Parse(ServeOptions(), "serve", {"--config", file}, vm);
  EXPECT_EQ(error.rfind(file + ": ", 0), 0u) << error;
  EXPECT_NE(error.find("threads"), std::string::npos) << error;
}

TEST_F(ConfigFileTest, AMissingFileIsAnErrorAndAnEmptyNameReadsNone) {
  const std::string missing = (dir_.path() / "missing.conf").string();
  po::variables_map vm;
  EXPECT_EQ(Parse(ServeOptions(), "serve", {"--config", missing}, vm), "cannot read the configuration file " + missing);
  po::variables_map none;
  EXPECT_EQ(Parse(ServeOptions(), "serve", {"--config", ""}, none), "");
  EXPECT_EQ(none["listen"].as<std::string>(), "127.0.0.1:8080");
}

TEST_F(ConfigFileTest, TheMessagesAreVietnameseByDefault) {
  const std::string file = Write("[serve]\nlsten = 1\n");
  po::variables_map vm;
  const char* argv[] = {"luutru-serve", "--config", file.c_str()};
  po::options_description options = ServeOptions();
  po::store(po::parse_command_line(3, argv, options), vm);
  EXPECT_EQ(StoreConfigFile(options, "serve", {}, false, vm), file + ": tùy chọn không có trong [serve]: lsten");
}

TEST(DefaultConfigFile, IsTheOnePackaged) { EXPECT_EQ(DefaultConfigFile(), "/etc/luutru/luutru.conf"); }

}  // namespace
}  // namespace luutru::cli
