// The Debian package as an archive's IT person gets it: built with CPack from this build,
// unpacked with dpkg into a throwaway root, and every program run from there, from another
// folder: --version, a small generated archive indexed through the packaged configuration-file
// format (the worker found in lib/luutru), searched, and served with the packaged
// /etc/luutru/luutru.conf until /healthz answers. lintian must find no error in the package and
// systemd-analyze must accept its units (systemd cannot run them here). One test: the package is
// built once.
#include <signal.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "cli/program_info.h"
#include "tests/test_support.h"

namespace luutru {
namespace {

using luutru::testing::CommandResult;
using luutru::testing::RunCommand;
using nlohmann::json;
namespace fs = std::filesystem;

// Runs `command` in `dir` (standard error merged into the output, for the failure message).
CommandResult RunIn(const fs::path& dir, const std::string& command) {
  return RunCommand("cd '" + dir.string() + "' && " + command + " 2>&1");
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool HaveProgram(const std::string& name) { return RunCommand("command -v " + name + " >/dev/null").exit_code == 0; }

constexpr const char* kPrograms[] = {"luutru-index", "luutru-search", "luutru-serve", "luutru-corpus",
                                     "luutru-tokenize"};

TEST(Package, InstallsAndRunsFromAnyFolder) {
  luutru::testing::TempDir tmp("package");
  const fs::path out = tmp.path() / "out", root = tmp.path() / "root", elsewhere = tmp.path() / "elsewhere";
  fs::create_directories(elsewhere);
  const std::string version(cli::Version());
  const std::string arch = Trim(RunCommand("dpkg --print-architecture").out);

  // --- the package ---
  const auto start = std::chrono::steady_clock::now();
  const CommandResult cpack =
      RunIn(luutru::testing::BinaryDir(),
            std::string(LUUTRU_CPACK) + " --config CPackConfig.cmake -G DEB -B '" + out.string() + "'");
  ASSERT_EQ(cpack.exit_code, 0) << cpack.out;
  const fs::path deb = out / ("luutru_" + version + "_" + arch + ".deb");
  ASSERT_TRUE(fs::exists(deb)) << "no " << deb << " after:\n" << cpack.out;
  std::printf("cpack built %s (%ju bytes) in %.1f s\n", deb.filename().c_str(),
              static_cast<uintmax_t>(fs::file_size(deb)),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());

  // Depends comes from dpkg-shlibdeps (the libraries the programs link) plus the postinst's adduser.
  const std::string depends = RunCommand("dpkg-deb -f '" + deb.string() + "' Depends").out;
  std::printf("Depends: %s", depends.c_str());
  for (const char* dependency : {"libc6", "libxapian", "libpoppler-cpp", "libtesseract", "libcpp-httplib", "adduser"}) {
    EXPECT_NE(depends.find(dependency), std::string::npos) << dependency << " missing from Depends: " << depends;
  }
  const std::string contents = RunCommand("dpkg-deb -c '" + deb.string() + "'").out;
  std::vector<std::string> expected = {"./usr/lib/luutru/luutru-index-worker",
                                       "./usr/share/man/man5/luutru.conf.5.gz",
                                       "./etc/luutru/luutru.conf",
                                       "./etc/logrotate.d/luutru",
                                       "./lib/systemd/system/luutru-serve.service",
                                       "./lib/systemd/system/luutru-index.service",
                                       "./lib/systemd/system/luutru-index.timer",
                                       "./usr/share/doc/luutru/copyright",
                                       "./usr/share/doc/luutru/changelog.gz"};
  // The handwritten digit model, beside the worker, when this build trained it.
  if (fs::exists(luutru::testing::BinaryDir() / "indexer" / "handwritten-digits.yml")) {
    expected.push_back("./usr/lib/luutru/handwritten-digits.yml");
  }
  for (const char* program : kPrograms) {
    expected.push_back(std::string("./usr/bin/") + program);
    expected.push_back(std::string("./usr/share/man/man1/") + program + ".1.gz");
  }
  for (const std::string& path : expected) {
    EXPECT_NE(contents.find(" " + path + "\n"), std::string::npos) << path << " not in the package:\n" << contents;
  }
  // The worker is no user's program.
  EXPECT_EQ(contents.find("./usr/bin/luutru-index-worker"), std::string::npos);
  EXPECT_EQ(Lines(RunCommand("dpkg-deb -I '" + deb.string() + "' conffiles").out),
            (std::vector<std::string>{"/etc/luutru/luutru.conf", "/etc/logrotate.d/luutru"}));
  const std::string postinst = RunCommand("dpkg-deb -I '" + deb.string() + "' postinst").out;
  EXPECT_NE(postinst.find("adduser --quiet --system --group"), std::string::npos) << postinst;

  // --- installed into a throwaway root, run from another folder ---
  const CommandResult unpack = RunCommand("dpkg -x '" + deb.string() + "' '" + root.string() + "' 2>&1");
  ASSERT_EQ(unpack.exit_code, 0) << unpack.out;
  const fs::path bin = root / "usr/bin";
  for (const char* program : kPrograms) {
    const CommandResult v = RunIn(elsewhere, (bin / program).string() + " --version");
    EXPECT_EQ(v.exit_code, 0) << program << ": " << v.out;
    EXPECT_EQ(v.out, std::string(program) + " (luutru) " + version + "\n");
  }
  const CommandResult worker_version =
      RunIn(elsewhere, (root / "usr/lib/luutru/luutru-index-worker").string() + " --version");
  EXPECT_EQ(worker_version.out, "luutru-index-worker (luutru) " + version + "\n");

  // A small generated archive: born-digital documents and the corpus's four broken files.
  const fs::path archive = tmp.path() / "archive", db = tmp.path() / "db";
  const CommandResult corpus = RunIn(elsewhere, (bin / "luutru-corpus").string() + " --out '" + archive.string() +
                                                    "' --docs 6 --seed 23 --scanned-fraction 0 --jobs 2");
  ASSERT_EQ(corpus.exit_code, 0) << corpus.out;

  // Indexed with nothing but a configuration file, as the nightly luutru-index.service runs it.
  const fs::path conf = tmp.path() / "luutru.conf";
  std::ofstream(conf) << "[index]\n"
                      << "db = " << db.string() << "\n"
                      << "path = " << archive.string() << "\n"
                      << "catalog = " << (archive / "catalog.csv").string() << "\n"
                      << "ocr = never\n"
                      << "jobs = 2\n";
  const CommandResult index =
      RunIn(elsewhere, (bin / "luutru-index").string() + " --lang en --config '" + conf.string() + "'");
  std::printf("luutru-index: %s", index.out.c_str());
  // Exit 1: the broken files failed, each named; the rest is indexed.
  EXPECT_EQ(index.exit_code, 1) << index.out;
  std::vector<json> documents;
  std::ifstream truth(archive / "truth.jsonl");
  for (std::string line; std::getline(truth, line);) {
    const json t = json::parse(line);
    if (t.value("must_fail", false)) {
      EXPECT_NE(index.out.find(fs::path(t["file"].get<std::string>()).filename().string()), std::string::npos)
          << t["file"] << " failed silently";
    } else {
      documents.push_back(t);
    }
  }
  ASSERT_EQ(documents.size(), 6u);

  // Every document is found by its storage unit, as the package's luutru-search answers it.
  for (const json& d : documents) {
    const std::string unit = d["unit"]["code"];
    const CommandResult search =
        RunIn(elsewhere, (bin / "luutru-search").string() + " --db '" + db.string() +
                             "' --clearance tuyet-mat --format json --limit 50 --unit '" + unit + "'");
    ASSERT_EQ(search.exit_code, 0) << search.out;
    const json answer = json::parse(search.out);
    bool found = false;
    for (const json& r : answer["results"]) found = found || r["file"] == d["file"];
    EXPECT_TRUE(found) << d["file"] << " not listed in its unit " << unit << ": " << search.out;
  }

  // The nightly run again, under the packaged configuration file (its [index] section parses; the
  // command line names this database, catalog and archive): nothing changed, nothing read again.
  const CommandResult again =
      RunIn(elsewhere, (bin / "luutru-index").string() + " --lang en --config '" +
                           (root / "etc/luutru/luutru.conf").string() + "' --db '" + db.string() + "' --catalog '" +
                           (archive / "catalog.csv").string() + "' '" + archive.string() + "'");
  EXPECT_NE(again.out.find("0 documents, 0 pages, 6 skipped (unchanged), 0 deleted"), std::string::npos) << again.out;

  // Without its worker beside it or in ../lib/luutru, luutru-index says so and indexes nothing.
  const fs::path lonely = tmp.path() / "lonely/bin";
  fs::create_directories(lonely);
  fs::copy_file(bin / "luutru-index", lonely / "luutru-index");
  const CommandResult no_worker =
      RunIn(elsewhere, (lonely / "luutru-index").string() + " --config '' --lang en --db '" +
                           (tmp.path() / "db2").string() + "' '" + archive.string() + "'");
  EXPECT_EQ(no_worker.exit_code, 1) << no_worker.out;
  EXPECT_NE(no_worker.out.find("extraction program is missing: " +
                               (tmp.path() / "lonely/lib/luutru/luutru-index-worker").string()),
            std::string::npos)
      << no_worker.out;

  {
    // The reading room with the packaged configuration file; the command line points it at this
    // database, a free port and a log of its own.
    const fs::path served = tmp.path() / "serve.out", access_log = tmp.path() / "access.log";
    const CommandResult started = RunIn(
        elsewhere, "{ " + (bin / "luutru-serve").string() + " --config '" + (root / "etc/luutru/luutru.conf").string() +
                       "' --db '" + db.string() + "' --listen 127.0.0.1:0 --access-log '" + access_log.string() +
                       "' > '" + served.string() + "' 2>&1 & } ; echo $!");
    const pid_t server = std::atoi(started.out.c_str());
    ASSERT_GT(server, 0) << started.out;
    // Stopped however the checks below end.
    struct Stop {
      pid_t pid;
      ~Stop() {
        kill(pid, SIGTERM);
        for (int i = 0; i < 100 && kill(pid, 0) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    } stop{server};
    int port = 0;
    std::string said;
    for (int i = 0; i < 200 && port == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      std::ifstream in(served);
      said.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      const std::string prefix = "listening on 127.0.0.1:";
      if (said.rfind(prefix, 0) == 0 && said.find('\n') != std::string::npos)
        port = std::atoi(said.c_str() + prefix.size());
    }
    if (port > 0) {
      httplib::Client client("127.0.0.1", port);
      const auto health = client.Get("/healthz");
      ASSERT_TRUE(health) << "no answer from /healthz";
      EXPECT_EQ(health->status, 200) << health->body;
      const auto api = client.Get("/api/search?format=json&unit=" +
                                  httplib::detail::encode_query_param(documents[0]["unit"]["code"].get<std::string>()));
      ASSERT_TRUE(api);
      EXPECT_EQ(api->status, 200) << api->body;
      EXPECT_TRUE(json::parse(api->body).contains("total")) << api->body;
      std::printf("/healthz: %s\n", health->body.c_str());
    } else {
      ADD_FAILURE() << "luutru-serve did not start: " << said;
    }
  }

  // --- lintian: no error ---
  if (HaveProgram("lintian")) {
    const CommandResult lintian = RunCommand("lintian --tag-display-limit 0 '" + deb.string() + "' 2>&1");
    std::printf("lintian:\n%s", lintian.out.c_str());
    for (const std::string& line : Lines(lintian.out)) EXPECT_NE(line.rfind("E: ", 0), 0u) << line;
  } else {
    ADD_FAILURE() << "lintian is not installed (scripts/setup-deps.sh installs it)";
  }

  // --- systemd-analyze: the units as installed, their programs in the throwaway root ---
  if (HaveProgram("systemd-analyze")) {
    const fs::path units = tmp.path() / "units";
    fs::create_directories(units);
    for (const char* unit : {"luutru-serve.service", "luutru-index.service", "luutru-index.timer"}) {
      std::ifstream in(root / "lib/systemd/system" / unit);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      ASSERT_FALSE(text.empty()) << unit;
      for (size_t at; (at = text.find("=/usr/bin/")) != std::string::npos;)
        text.replace(at, 10, "=" + bin.string() + "/");
      std::ofstream(units / unit) << text;
    }
    const CommandResult verify =
        RunIn(units, "systemd-analyze verify --man=no luutru-serve.service luutru-index.service luutru-index.timer");
    EXPECT_EQ(verify.exit_code, 0) << verify.out;
    for (const std::string& line : Lines(verify.out)) EXPECT_EQ(line.find("luutru"), std::string::npos) << line;
    // systemd's own score of the hardening, 0 (locked down) to 10 (none): both stay under 2.
    for (const char* unit : {"luutru-serve.service", "luutru-index.service"}) {
      const CommandResult security =
          RunIn(units, std::string("systemd-analyze security --offline=yes --threshold=20 ") + unit);
      EXPECT_EQ(security.exit_code, 0) << security.out;
      std::printf("%s\n", Lines(security.out).empty() ? "" : Lines(security.out).back().c_str());
    }
  } else {
    std::printf("systemd-analyze is not installed: the units are not verified\n");
  }
}

}  // namespace
}  // namespace luutru
