// End-to-end tests of luutru-index: real PDFs, generated archives, incremental runs, worker
// faults, and runs killed with SIGKILL.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "catalog/schema.h"
#include "tests/indexer/test_pdf.h"
#include "tests/test_support.h"

namespace luutru {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct RunResult {
  int status = -1;
  std::string err;
};

fs::path IndexBinary() { return testing::BinaryDir() / "indexer" / "luutru-index"; }

pid_t Spawn(const std::vector<std::string>& args, const std::vector<std::string>& env, const fs::path& err_file,
            const fs::path& binary = IndexBinary()) {
  const pid_t pid = fork();
  if (pid == 0) {
    for (const std::string& e : env) putenv(const_cast<char*>(e.c_str()));
    const int fd = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    std::vector<char*> argv;
    const std::string bin = binary.string();
    argv.push_back(const_cast<char*>(bin.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class IndexerE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("luutru-index-e2e-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ASSERT_TRUE(fs::exists(IndexBinary())) << IndexBinary();
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }

  RunResult Index(std::vector<std::string> args, const std::vector<std::string>& env = {},
                  const fs::path& binary = IndexBinary()) {
    const fs::path err = dir_ / "stderr.txt";
    std::vector<std::string> full_env = {"LANG=en_US.UTF-8"};
    full_env.insert(full_env.end(), env.begin(), env.end());
    const pid_t pid = Spawn(args, full_env, err, binary);
    int status = 0;
    waitpid(pid, &status, 0);
    RunResult r;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.err = ReadFile(err);
    return r;
  }

  std::vector<json> Report(const fs::path& p) {
    std::vector<json> lines;
    std::ifstream in(p);
    std::string line;
    while (std::getline(in, line)) lines.push_back(json::parse(line));
    return lines;
  }
  static std::map<std::string, json> ByFile(const std::vector<json>& report) {
    std::map<std::string, json> out;
    for (const json& j : report) out[j.at("file").get<std::string>()] = j;
    return out;
  }

  // Every document of the database by id: its stored data, terms (with wdf and positions) and
  // values. Two databases with equal snapshots answer every query alike.
  static std::map<std::string, std::string> Snapshot(const fs::path& db_dir) {
    std::map<std::string, std::string> out;
    Xapian::Database db(db_dir.string());
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      const Xapian::Document doc = db.get_document(*it);
      std::string id, text = doc.get_data() + "\n";
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string term = *t;
        if (term.rfind("Q", 0) == 0) id = term;
        text += term + ":" + std::to_string(t.get_wdf());
        for (auto p = db.positionlist_begin(*it, term); p != db.positionlist_end(*it, term); ++p) {
          text += "," + std::to_string(*p);
        }
        text += "\n";
      }
      for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
        text += "v" + std::to_string(v.get_valueno()) + "=" + *v + "\n";
      }
      out[id] = text;
    }
    return out;
  }

  static std::map<std::string, catalog::ArchiveDocument> Documents(const fs::path& db_dir) {
    std::map<std::string, catalog::ArchiveDocument> out;
    Xapian::Database db(db_dir.string());
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      auto stored = catalog::schema::ReadStoredDocument(db.get_document(*it));
      out[stored.doc.Id()] = stored.doc;
    }
    return out;
  }

  // A generated archive: `n` documents in two storage-unit folders.
  void MakeArchive(const fs::path& root, int n) {
    for (int i = 0; i < n; ++i) {
      testing::OfficeDocument d;
      d.number = std::to_string(10 + i) + "/QĐ-UBND";
      d.place_date =
          "Thái Bình, ngày " + std::to_string(1 + i % 28) + " tháng " + std::to_string(1 + i % 12) + " năm 2023";
      d.title = "Về việc hỗ trợ hộ nghèo đợt " + std::to_string(i + 1);
      d.body_pages = {"Điều 1. Hỗ trợ xây mới " + std::to_string(100 + i) + " nhà đại đoàn kết.",
                      "Điều 2. Giao Sở Tài chính bố trí kinh phí số " + std::to_string(i) + "."};
      const fs::path folder = root / (i % 2 ? "dvbq-0002" : "dvbq-0001");
      fs::create_directories(folder);
      char name[32];
      std::snprintf(name, sizeof name, "qd-%03d.pdf", i);
      testing::WriteOfficePdf(folder / name, d);
    }
  }

  fs::path dir_;
};

TEST_F(IndexerE2eTest, RealBornDigitalDocumentsIndexWithTheirNumbersAndDates) {
  LUUTRU_REQUIRE_SHARED(shared);
  const fs::path arch = dir_ / "arch";
  fs::create_directories(arch);
  for (const char* f : {"qn_2025_11-TB-UBND_text.pdf", "bnnmt_2026_445-QD-BNNMT_text.pdf"}) {
    fs::copy_file(shared / "real-pdfs" / f, arch / f);
  }
  const RunResult r = Index({"--db", (dir_ / "db").string(), "--jobs", "2", "--ocr", "never", "--report",
                             (dir_ / "r.jsonl").string(), arch.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto docs = Documents(dir_ / "db");
  ASSERT_EQ(docs.size(), 2u);
  const auto& tb = docs.at("qn_2025_11-TB-UBND_text.pdf#1-2");
  EXPECT_EQ(tb.meta.number.value_or("?"), "11/TB-UBND");
  EXPECT_EQ(tb.meta.date ? tb.meta.date->ToString() : "?", "2025-01-08");
  EXPECT_EQ(tb.meta.type.value_or("?"), "Thông báo");
  EXPECT_EQ(tb.unit.code, "arch");
  // Header blocks in block order, not interleaved word by word.
  const std::string& p1 = tb.pages.at(0).text;
  EXPECT_NE(p1.find("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI"), std::string::npos) << p1.substr(0, 400);
  const auto& qd = docs.at("bnnmt_2026_445-QD-BNNMT_text.pdf#1-16");
  EXPECT_EQ(qd.meta.number.value_or("?"), "445/QĐ-BNNMT");
  EXPECT_EQ(qd.meta.date ? qd.meta.date->ToString() : "?", "2026-02-02");
  EXPECT_EQ(qd.pages.size(), 16u);
  for (const auto& p : qd.pages) EXPECT_EQ(p.source, catalog::TextSource::kTextLayer);
  EXPECT_NE(r.err.find("2 files"), std::string::npos) << r.err;
}

TEST_F(IndexerE2eTest, ScanIsOcredOnceAndReadFromTheCacheOnFullReindex) {
  LUUTRU_REQUIRE_SHARED(shared);
  const fs::path arch = dir_ / "arch";
  fs::create_directories(arch);
  fs::copy_file(shared / "real-pdfs" / "qn_2025_574-UBND-KTTH_scan.pdf", arch / "cv.pdf");
  const std::string db = (dir_ / "db").string();
  ASSERT_EQ(Index({"--db", db, "--report", (dir_ / "r1.jsonl").string(), arch.string()}).status, 0);
  const json first = Report(dir_ / "r1.jsonl").at(0);
  ASSERT_EQ(first.at("status"), "indexed");
  for (const json& p : first.at("pages")) {
    EXPECT_EQ(p.at("source"), "ocr");
    EXPECT_FALSE(p.at("ocr_cached").get<bool>());
  }
  ASSERT_EQ(Index({"--db", db, "--full", "--report", (dir_ / "r2.jsonl").string(), arch.string()}).status, 0);
  const json second = Report(dir_ / "r2.jsonl").at(0);
  ASSERT_EQ(second.at("status"), "indexed");
  for (const json& p : second.at("pages")) EXPECT_TRUE(p.at("ocr_cached").get<bool>());
  const auto docs = Documents(db);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs.begin()->second.HasOcr());
  const std::string& p1 = docs.begin()->second.pages.at(0).text;
  EXPECT_NE(p1.find("Quảng Ngãi"), std::string::npos);
  // The e-signature stamp is in the text layer, not in the scan: OCR must not lose it.
  EXPECT_NE(p1.find("ttcbth@quangngai.gov.vn"), std::string::npos) << p1;
}

TEST_F(IndexerE2eTest, IncrementalRunsTouchEditDeleteCatalogAndUnmount) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 6);
  {
    std::ofstream csv(arch / "catalog.csv");
    csv << "file,unit_code,box,doc_type\n"
        << "dvbq-0001/qd-000.pdf,Phông 12 / Mục lục 01 / ĐVBQ 0001,3,Quyết định\n";
  }
  const std::string db = (dir_ / "db").string();
  const std::string catalog = (arch / "catalog.csv").string();
  auto run = [&](const std::string& report, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--db",   db,  "--catalog", catalog,
                                     "--jobs", "2", "--report",  (dir_ / report).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(arch.string());
    return Index(args);
  };

  RunResult r = run("r1.jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  auto docs = Documents(db);
  ASSERT_EQ(docs.size(), 6u);
  EXPECT_EQ(docs.at("dvbq-0001/qd-000.pdf#1-2").unit.code, "Phông 12 / Mục lục 01 / ĐVBQ 0001");
  EXPECT_EQ(docs.at("dvbq-0001/qd-000.pdf#1-2").unit.box, "3");
  EXPECT_EQ(docs.at("dvbq-0002/qd-001.pdf#1-2").unit.code, "dvbq-0002");
  const auto clean = Snapshot(db);

  // Unchanged archive: nothing extracted, nothing changed.
  r = run("r2.jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const json& j : Report(dir_ / "r2.jsonl")) EXPECT_EQ(j.at("status"), "unchanged") << j;
  EXPECT_EQ(Snapshot(db), clean);

  // Touch (same bytes, new mtime): still unchanged. Edit one, delete one.
  const fs::path touched = arch / "dvbq-0001/qd-002.pdf";
  fs::last_write_time(touched, fs::last_write_time(touched) + std::chrono::hours(1));
  testing::OfficeDocument edited;
  edited.number = "99/QĐ-UBND";
  edited.body_pages = {"Nội dung mới về chuyển đổi số."};
  testing::WriteOfficePdf(arch / "dvbq-0002/qd-003.pdf", edited);
  fs::remove(arch / "dvbq-0002/qd-005.pdf");
  r = run("r3.jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  auto rep = ByFile(Report(dir_ / "r3.jsonl"));
  EXPECT_EQ(rep.at("dvbq-0001/qd-002.pdf").at("status"), "unchanged");
  EXPECT_EQ(rep.at("dvbq-0002/qd-003.pdf").at("status"), "indexed");
  EXPECT_EQ(rep.at("dvbq-0002/qd-005.pdf").at("status"), "deleted");
  EXPECT_EQ(rep.at("dvbq-0001/qd-000.pdf").at("status"), "unchanged");
  docs = Documents(db);
  EXPECT_EQ(docs.size(), 5u);
  EXPECT_EQ(docs.count("dvbq-0002/qd-005.pdf#1-2"), 0u);
  EXPECT_NE(docs.at("dvbq-0002/qd-003.pdf#1-1").pages.at(0).text.find("chuyển đổi số"), std::string::npos);

  // Edited catalog: values re-applied from the stored pages, no PDF extracted again.
  {
    std::ofstream csv(arch / "catalog.csv");
    csv << "file,unit_code,box,doc_type,page_range\n"
        << "dvbq-0001/qd-000.pdf,Phông 12 / Mục lục 01 / ĐVBQ 0001,4,Quyết định,1-1\n"
        << "dvbq-0001/qd-000.pdf,Phông 12 / Mục lục 01 / ĐVBQ 0001,4,Báo cáo,2-2\n";
  }
  r = run("r4.jsonl");
  ASSERT_EQ(r.status, 0) << r.err;
  rep = ByFile(Report(dir_ / "r4.jsonl"));
  EXPECT_EQ(rep.at("dvbq-0001/qd-000.pdf").at("status"), "unchanged");
  EXPECT_TRUE(rep.at("dvbq-0001/qd-000.pdf").value("reapplied", false));
  EXPECT_FALSE(rep.at("dvbq-0001/qd-002.pdf").value("reapplied", false));
  for (const json& j : Report(dir_ / "r4.jsonl")) EXPECT_NE(j.at("status"), "indexed") << j;
  docs = Documents(db);
  EXPECT_EQ(docs.count("dvbq-0001/qd-000.pdf#1-2"), 0u);
  ASSERT_EQ(docs.count("dvbq-0001/qd-000.pdf#2-2"), 1u);
  EXPECT_EQ(docs.at("dvbq-0001/qd-000.pdf#2-2").meta.type.value_or("?"), "Báo cáo");
  EXPECT_EQ(docs.at("dvbq-0001/qd-000.pdf#1-1").unit.box, "4");
  EXPECT_NE(docs.at("dvbq-0001/qd-000.pdf#2-2").pages.at(0).text.find("Điều 2"), std::string::npos);

  // The same result as a clean run with the edited catalog and archive.
  const std::string db2 = (dir_ / "db2").string();
  ASSERT_EQ(Index({"--db", db2, "--catalog", catalog, arch.string()}).status, 0);
  EXPECT_EQ(Snapshot(db), Snapshot(db2));

  // Unmounted: the PATH is gone. Exit 2, nothing deleted.
  const auto before = Snapshot(db);
  fs::rename(arch, dir_ / "elsewhere");
  r = Index({"--db", db, arch.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(arch.string()), std::string::npos) << r.err;
  EXPECT_EQ(Snapshot(db), before);
}

TEST_F(IndexerE2eTest, CrashHangAndMemoryBlowUpCostOneFileEach) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 6);
  const std::string db = (dir_ / "db").string();
  const RunResult r = Index({"--db", db, "--jobs", "2", "--max-file-seconds", "3", "--report",
                             (dir_ / "r.jsonl").string(), "--test-fault", "crash:qd-001.pdf", "--test-fault",
                             "hang:qd-002.pdf", "--test-fault", "memory:qd-003.pdf", arch.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("qd-001.pdf: killed by signal 6"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("qd-002.pdf: timed out after 3 s"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("qd-003.pdf: over the memory limit"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 failed"), std::string::npos) << r.err;
  const auto docs = Documents(db);
  EXPECT_EQ(docs.size(), 3u);
  for (const char* ok : {"dvbq-0001/qd-000.pdf#1-2", "dvbq-0001/qd-004.pdf#1-2", "dvbq-0002/qd-005.pdf#1-2"}) {
    EXPECT_EQ(docs.count(ok), 1u) << ok;
  }
  const auto rep = ByFile(Report(dir_ / "r.jsonl"));
  EXPECT_EQ(rep.at("dvbq-0002/qd-001.pdf").at("status"), "failed");
  // Rerun without the faults: the failed files are indexed now.
  const RunResult again = Index({"--db", db, arch.string()});
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(Documents(db).size(), 6u);
}

TEST_F(IndexerE2eTest, BrokenFileFailsClearlyAndAFormerlyGoodFileKeepsItsEntry) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 2);
  const std::string db = (dir_ / "db").string();
  ASSERT_EQ(Index({"--db", db, arch.string()}).status, 0);
  {
    std::ofstream broken(arch / "dvbq-0001/broken.pdf");
    broken << "%PDF-1.4\nthis is not a PDF body\n";
    std::ofstream damaged(arch / "dvbq-0002/qd-001.pdf", std::ios::trunc);
    damaged << "garbage";
  }
  const RunResult r = Index({"--db", db, arch.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("broken.pdf: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("qd-001.pdf: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("previous index entry is kept"), std::string::npos) << r.err;
  const auto docs = Documents(db);
  EXPECT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs.count("dvbq-0002/qd-001.pdf#1-2"), 1u);
}

TEST_F(IndexerE2eTest, UnchangedBrokenFileIsNotReadAgainUntilItChanges) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 2);
  const fs::path broken = arch / "dvbq-0001/broken.pdf";
  {
    std::ofstream out(broken);
    out << "%PDF-1.4\nthis is not a PDF body\n";
  }
  const std::string db = (dir_ / "db").string();
  const auto run = [&](const std::vector<std::string>& extra, const char* report) {
    std::vector<std::string> args{"--db", db, "--report", (dir_ / report).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(arch.string());
    RunResult r = Index(args);
    for (const json& line : Report(dir_ / report)) {
      if (line.at("file") == "dvbq-0001/broken.pdf") return std::make_pair(r, line);
    }
    return std::make_pair(r, json());
  };

  auto [first, line1] = run({}, "r1.jsonl");
  EXPECT_EQ(first.status, 1) << first.err;
  EXPECT_EQ(line1.value("reason", ""), "not a PDF or damaged") << line1;
  EXPECT_FALSE(line1.value("remembered", true));

  // Unchanged: still failed and named with its reason (exit 1), but not read again.
  auto [second, line2] = run({}, "r2.jsonl");
  EXPECT_EQ(second.status, 1) << second.err;
  EXPECT_NE(second.err.find("broken.pdf: not a PDF or damaged (unchanged since the last run"), std::string::npos)
      << second.err;
  EXPECT_TRUE(line2.value("remembered", false)) << line2;

  // --full reads it again.
  auto [full, line3] = run({"--full"}, "r3.jsonl");
  EXPECT_EQ(full.status, 1);
  EXPECT_FALSE(line3.value("remembered", true)) << line3;

  // Replaced by a good PDF: indexed, and no longer remembered as failing.
  fs::copy_file(arch / "dvbq-0001/qd-000.pdf", broken, fs::copy_options::overwrite_existing);
  auto [fixed, line4] = run({}, "r4.jsonl");
  EXPECT_EQ(fixed.status, 0) << fixed.err;
  EXPECT_EQ(line4.value("status", ""), "indexed") << line4;
  EXPECT_EQ(Documents(db).count("dvbq-0001/broken.pdf#1-2"), 1u);
}

TEST_F(IndexerE2eTest, RunsKilledWithSigkillEndLikeACleanRun) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 60);
  const std::string clean_db = (dir_ / "clean").string();
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(Index({"--db", clean_db, "--jobs", "2", arch.string()}).status, 0);
  const int clean_ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count());
  const auto clean = Snapshot(clean_db);
  ASSERT_EQ(clean.size(), 60u);

  const std::string db = (dir_ / "db").string();
  const auto committed = [&db]() -> size_t {
    try {
      return fs::exists(fs::path(db) / "iamglass") ? Xapian::Database(db).get_doccount() : 0;
    } catch (const Xapian::Error&) {
      return 0;  // caught mid-commit: read again on the next poll
    }
  };
  // The first kill lands at a random moment in the first half of a clean run's time, perhaps
  // before any commit: later, it could leave too few documents for the others to land mid-run.
  // The others wait until the run has committed a batch of its own, so that they land between
  // two commits on any machine, however slow or loaded, instead of relying on a sleep that fits
  // one machine.
  std::mt19937 rng(20261128);
  int interrupted = 0;
  std::vector<size_t> partial;  // documents committed when each killed run ended
  for (int i = 0; i < 4; ++i) {
    const size_t before = committed();
    const pid_t pid =
        Spawn({"--db", db, "--jobs", "2", "--batch-documents", "7", arch.string()}, {"LANG=en"}, dir_ / "killed.txt");
    int status = 0;
    bool ended = false;
    if (i == 0) {
      std::this_thread::sleep_for(
          std::chrono::milliseconds(std::uniform_int_distribution<int>(5, std::max(10, clean_ms / 2))(rng)));
    } else {
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
      while (committed() <= before && std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
          ended = true;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      // Somewhere in the next batch, not always just after the commit.
      std::this_thread::sleep_for(
          std::chrono::milliseconds(std::uniform_int_distribution<int>(0, std::max(1, clean_ms / 20))(rng)));
    }
    if (!ended) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
    }
    interrupted += WIFSIGNALED(status) ? 1 : 0;
    partial.push_back(committed());
  }
  std::printf("documents committed after each kill:");
  for (size_t n : partial) std::printf(" %zu", n);
  std::printf("\n");
  std::printf("clean run %d ms; runs interrupted by SIGKILL: %d of 4\n", clean_ms, interrupted);
  EXPECT_GE(interrupted, 2);  // the kills must land mid-run for the test to mean anything
  EXPECT_TRUE(std::any_of(partial.begin(), partial.end(), [](size_t n) { return n > 0 && n < 60; }))
      << "no kill landed between two commits";
  const RunResult r = Index({"--db", db, "--jobs", "2", arch.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Snapshot(db), clean);
}

TEST_F(IndexerE2eTest, JsonlDocumentsGoThroughTheSameAnalysis) {
  const fs::path input = dir_ / "docs.jsonl";
  {
    std::ofstream out(input);
    out << R"({"file":"p12/u345/a.pdf","unit_code":"Phông 12 / ĐVBQ 345","box":"7","doc_number":"45-TB/TU",)"
        << R"("doc_date":"2023-03-12","doc_type":"Thông báo","title":"Kết luận về nhà đại đoàn kết",)"
        << R"("pages":["TỈNH ỦY THÁI BÌNH\nSố 45-TB/TU","xây mới 419 nhà đại đoàn kết"]})"
        << "\n";
    out << R"({"file":"p12/u345/b.pdf","unit_code":"Phông 12 / ĐVBQ 345","page_range":"5-5",)"
        << R"("pages":["Uû ban nh©n d©n tØnh Th¸i B×nh"]})"
        << "\n";
    out << "{not json\n";
  }
  const std::string db = (dir_ / "db").string();
  const RunResult r = Index({"--db", db, "--jsonl", input.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("docs.jsonl:3"), std::string::npos) << r.err;
  const auto docs = Documents(db);
  ASSERT_EQ(docs.size(), 2u);
  const auto& a = docs.at("p12/u345/a.pdf#1-2");
  EXPECT_EQ(a.meta.number.value_or("?"), "45-TB/TU");
  EXPECT_EQ(a.unit.box, "7");
  const auto& b = docs.at("p12/u345/b.pdf#5-5");
  EXPECT_EQ(b.pages.at(0).source, catalog::TextSource::kLegacyRepaired);
  EXPECT_NE(b.pages.at(0).text.find("Thái Bình"), std::string::npos);
}

TEST_F(IndexerE2eTest, UsageErrorsAndMessagesInVietnamese) {
  RunResult r = Index({"--db", (dir_ / "db").string()});
  EXPECT_EQ(r.status, 2);
  r = Index({"--db", (dir_ / "db").string(), "--ocr", "sometimes", dir_.string()});
  EXPECT_EQ(r.status, 2);
  r = Index({"--db", (dir_ / "db").string(), "--lang", "vi", (dir_ / "missing").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("không tồn tại"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "db"));
}

// A file server's odd inputs: none stops the run, none passes in silence.

TEST_F(IndexerE2eTest, NonUtf8NamesAreIndexedKeptAsBytesShownEscapedAndDeleted) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 2);
  // "hồ sơ" as an old Windows tool wrote it: Windows-1258 bytes, not UTF-8.
  const std::string bad_name = "h\xf4 s\xf4.pdf";
  fs::copy_file(arch / "dvbq-0001" / "qd-000.pdf", arch / "dvbq-0001" / bad_name);
  const std::string db = (dir_ / "db").string();
  const fs::path report = dir_ / "r.jsonl";
  RunResult r = Index({"--db", db, "--ocr", "never", "--report", report.string(), arch.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Documents(db).count("dvbq-0001/" + bad_name + "#1-2"), 1u);  // the bytes, exactly
  const auto rep = ByFile(Report(report));
  ASSERT_EQ(rep.count("dvbq-0001/h\\xf4 s\\xf4.pdf"), 1u) << r.err;  // shown escaped
  EXPECT_EQ(rep.at("dvbq-0001/h\\xf4 s\\xf4.pdf").at("status"), "indexed");
  // A rerun finds it unchanged; once the file is gone, a rerun deletes its documents.
  r = Index({"--db", db, "--ocr", "never", "--report", report.string(), arch.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(ByFile(Report(report)).at("dvbq-0001/h\\xf4 s\\xf4.pdf").at("status"), "unchanged");
  fs::remove(arch / "dvbq-0001" / bad_name);
  r = Index({"--db", db, "--ocr", "never", "--report", report.string(), arch.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(ByFile(Report(report)).at("dvbq-0001/h\\xf4 s\\xf4.pdf").at("status"), "deleted");
  EXPECT_EQ(Documents(db).size(), 2u);
}

TEST_F(IndexerE2eTest, LinksAreFollowedOnceLoopsAndDevicesReportedAndTheRootsKept) {
  const fs::path arch = dir_ / "arch", outside = dir_ / "outside";
  MakeArchive(arch, 2);
  MakeArchive(outside, 1);
  fs::create_directory_symlink(".", arch / "loop");               // ln -s . loop
  fs::create_directory_symlink("..", arch / "dvbq-0001" / "up");  // sub/up -> ..
  fs::create_directory_symlink("dvbq-0002", arch / "again");      // a second way to a folder
  fs::create_directory_symlink(outside, arch / "out");            // out of the roots
  ASSERT_EQ(mkfifo((arch / "pipe.pdf").c_str(), 0644), 0);
  fs::create_symlink("/dev/null", arch / "null.pdf");
  const std::string db = (dir_ / "db").string();
  const fs::path report = dir_ / "r.jsonl";
  RunResult r = Index({"--db", db, "--ocr", "never", "--report", report.string(), arch.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  auto docs = Documents(db);
  EXPECT_EQ(docs.size(), 2u) << r.err;  // each file once, under its own path
  EXPECT_EQ(docs.count("dvbq-0001/qd-000.pdf#1-2"), 1u);
  EXPECT_EQ(docs.count("dvbq-0002/qd-001.pdf#1-2"), 1u);
  for (const char* said :
       {"arch/loop: link to the folder", "dvbq-0001/up: link to the folder", "(a loop)", "arch/again: link to",
        "already indexed by another path", "arch/out: link out of the folders being indexed", "--follow-links",
        "pipe.pdf: FIFO, not a file", "null.pdf: character device, not a file", "6 left aside"}) {
    EXPECT_NE(r.err.find(said), std::string::npos) << said << "\n" << r.err;
  }
  int skipped = 0;
  for (const json& line : Report(report)) skipped += line.at("status") == "skipped";
  EXPECT_EQ(skipped, 6);
  // Asked to, the walk leaves the roots, still once a folder.
  r = Index({"--db", db, "--ocr", "never", "--follow-links", arch.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  docs = Documents(db);
  EXPECT_EQ(docs.size(), 3u) << r.err;
  EXPECT_EQ(docs.count("out/dvbq-0001/qd-000.pdf#1-2"), 1u) << r.err;
}

TEST_F(IndexerE2eTest, BlankPagesSkipOcrAndAPageBombIsRefusedAtOnce) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 1);
  testing::WriteBarePdf(arch / "blank-400.pdf", 400);
  // Pages that draw nothing but state changes are blank too.
  testing::WriteBarePdf(arch / "blank-ops.pdf", 3, "q 1 0 0 1 10 10 cm 0.5 g Q");
  testing::WriteBarePdf(arch / "bomb.pdf", 3000);
  const std::string db = (dir_ / "db").string();
  const fs::path report = dir_ / "r.jsonl";
  const RunResult r =
      Index({"--db", db, "--ocr", "auto", "--max-pages", "1000", "--report", report.string(), arch.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("bomb.pdf: too many pages: 3000, the limit is 1000 a file (--max-pages)"), std::string::npos)
      << r.err;
  const auto rep = ByFile(Report(report));
  EXPECT_EQ(rep.at("bomb.pdf").at("status"), "failed");
  for (const char* blank : {"blank-400.pdf", "blank-ops.pdf"}) {
    ASSERT_EQ(rep.at(blank).at("status"), "indexed") << blank;
    // "none", not "ocr": a blank page that went through OCR would say "ocr".
    for (const json& page : rep.at(blank).at("pages")) EXPECT_EQ(page.at("source"), "none") << blank;
  }
  EXPECT_EQ(rep.at("blank-400.pdf").at("pages").size(), 400u);
  EXPECT_EQ(Documents(db).count("dvbq-0001/qd-000.pdf#1-2"), 1u);
}

TEST_F(IndexerE2eTest, WithoutTheDigitModelTheRunSaysSoAndIndexes) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 1);
  const fs::path model = IndexBinary().parent_path() / "handwritten-digits.yml";
  if (fs::exists(model)) {
    const RunResult with = Index({"--db", (dir_ / "db1").string(), arch.string()});
    EXPECT_EQ(with.status, 0) << with.err;
    EXPECT_EQ(with.err.find("digit model"), std::string::npos) << with.err;
  }
  // The programs installed without the model file beside the worker.
  const fs::path bin = dir_ / "bin";
  fs::create_directories(bin);
  for (const char* program : {"luutru-index", "luutru-index-worker"}) {
    fs::copy_file(IndexBinary().parent_path() / program, bin / program);
  }
  const RunResult without = Index({"--db", (dir_ / "db2").string(), arch.string()}, {}, bin / "luutru-index");
  EXPECT_EQ(without.status, 0) << without.err;
  EXPECT_NE(without.err.find("note: no handwritten digit model beside the extraction program"), std::string::npos)
      << without.err;
  if (fs::exists(model)) {
    EXPECT_EQ(Snapshot(dir_ / "db1"), Snapshot(dir_ / "db2"));  // born-digital: nothing to read by hand
  }
}

TEST_F(IndexerE2eTest, TheTimeBudgetOfAFileStopsItAndTheRunGoesOn) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 3);
  const std::string db = (dir_ / "db").string();
  const RunResult r = Index(
      {"--db", db, "--ocr", "never", "--max-file-seconds", "2", "--test-fault", "hang:qd-001.pdf", arch.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("qd-001.pdf: timed out after 2 s"), std::string::npos) << r.err;
  EXPECT_EQ(Documents(db).size(), 2u);
}

TEST_F(IndexerE2eTest, TextOverThePageLimitIsCutWithANote) {
  const fs::path arch = dir_ / "arch";
  fs::create_directories(arch);
  // 250 lines of 200 characters, most of them 'é' (two bytes of UTF-8), in a 2-point font: about
  // 90 KB of text on one page (Poppler reads at most 50,000 characters of a page).
  std::string content;
  for (int line = 0; line < 250; ++line) {
    std::string words = "so" + std::to_string(line) + " ";
    for (int i = 0; i < 190; ++i) words += i % 10 == 9 ? " " : "\\351";
    content += "BT /F1 2 Tf 10 " + std::to_string(830 - 3 * line) + " Td (" + words + ") Tj ET\n";
  }
  testing::WriteBarePdf(arch / "dense.pdf", 1, content);
  const std::string db = (dir_ / "db").string();
  const fs::path report = dir_ / "r.jsonl";
  const RunResult r = Index({"--db", db, "--ocr", "never", "--report", report.string(), arch.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("dense.pdf: the text of page 1 is larger than the 65536 bytes kept a page"), std::string::npos)
      << r.err;
  const auto rep = ByFile(Report(report));
  EXPECT_EQ(rep.at("dense.pdf").at("text_cut").at("pages"), json::array({1}));
  EXPECT_EQ(rep.at("dense.pdf").at("text_cut").at("limit_bytes"), 65536);
  const auto docs = Documents(db);
  ASSERT_EQ(docs.size(), 1u);
  const std::string& text = docs.begin()->second.pages.at(0).text;
  EXPECT_LE(text.size(), 65536u);
  EXPECT_GT(text.size(), 60000u);
}

TEST_F(IndexerE2eTest, APageWhoseTextLayerHoldsMegabytesIsReadCutShortWithANote) {
  // A readable 10-point text layer drawn over and over: 4.5 MB of content showing over 128 KiB
  // of text. Poppler is given the page cut after the first 128 KiB shown (oversized_page.h), so
  // the note's "up to" is the size of the page's whole content, not of the text Poppler read
  // (which, drawn again at the same place, it reads once).
  std::string block;
  for (int line = 0; line < 72; ++line) {
    block += "BT /F1 10 Tf 10 " + std::to_string(830 - 11 * line) + " Td (so" + std::to_string(line);
    for (int i = 0; i < 8; ++i) block += " h\\351s\\351" + std::to_string(i) + "\\351\\351";
    block += ") Tj ET\n";
  }
  std::string content;
  while (content.size() < (9u << 19)) content += block;
  const fs::path arch = dir_ / "arch";
  fs::create_directories(arch);
  testing::WriteBarePdf(arch / "huge.pdf", 1, content);
  const std::string db = (dir_ / "db").string();
  const fs::path report = dir_ / "r.jsonl";
  const RunResult r = Index({"--db", db, "--ocr", "never", "--report", report.string(), arch.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("huge.pdf: the text of page 1 is larger than the 65536 bytes kept a page (up to " +
                       std::to_string(content.size()) + " bytes)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(ByFile(Report(report)).at("huge.pdf").at("text_cut").at("pages"), json::array({1}));
  const auto docs = Documents(db);
  ASSERT_EQ(docs.size(), 1u);
  const std::string& text = docs.begin()->second.pages.at(0).text;
  EXPECT_LE(text.size(), 65536u);
  EXPECT_EQ(text.rfind("so0", 0), 0u) << text.substr(0, 40);
  EXPECT_NE(text.find("so71"), std::string::npos);
}

TEST_F(IndexerE2eTest, CatalogColumnsAndRowsWithoutAFileAreNamed) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 2);
  std::ofstream(arch / "catalog.csv") << "file,ma_ho_so,box\n"
                                         "dvbq-0001/qd-000.pdf,ĐVBQ 0321,7\n"
                                         "dvbq-0001/qd-999.pdf,ĐVBQ 0321,7\n";
  const std::string db = (dir_ / "db").string();
  const RunResult r =
      Index({"--db", db, "--ocr", "never", "--catalog", (arch / "catalog.csv").string(), arch.string()});
  EXPECT_EQ(r.status, 0) << r.err;
  for (const char* said :
       {"warning: catalog: ", "column 'ma_ho_so' is not a catalog column and not read",
        "columns absent from this header: page_range, unit_code", "catalog.csv:3: no file dvbq-0001/qd-999.pdf"}) {
    EXPECT_NE(r.err.find(said), std::string::npos) << said << "\n" << r.err;
  }
  EXPECT_EQ(Documents(db).at("dvbq-0001/qd-000.pdf#1-2").unit.box, "7");
}

TEST_F(IndexerE2eTest, ACatalogThatIsNotUtf8IsRefusedWithTheLineAndAHint) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 1);
  // Windows-1258: "Công văn" as C\xf4ng v\xe3n (the 'ă' is 0xE3).
  std::ofstream(arch / "catalog.csv", std::ios::binary) << "file,doc_type\n"
                                                           "dvbq-0001/qd-000.pdf,C\xf4ng v\xe3n\n";
  const std::string db = (dir_ / "db").string();
  const RunResult r = Index({"--db", db, "--catalog", (arch / "catalog.csv").string(), arch.string()});
  EXPECT_EQ(r.status, 2) << r.err;
  for (const char* said : {"catalog.csv: line 2, byte 23 (0xF4): the file is not UTF-8", "TCVN3", "Windows-1258",
                           "iconv -f WINDOWS-1258 -t UTF-8"}) {
    EXPECT_NE(r.err.find(said), std::string::npos) << said << "\n" << r.err;
  }
  EXPECT_FALSE(fs::exists(db));
}

TEST_F(IndexerE2eTest, JsonlInputsAreCheckedAndTheSummaryCountsWhatIsStored) {
  const std::string db = (dir_ / "db").string();
  RunResult r = Index({"--db", db, "--jsonl", dir_.string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("is a folder, not a JSONL file"), std::string::npos) << r.err;
  r = Index({"--db", db, "--jsonl", "/dev/zero"});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("/dev/zero: is a device or socket, not a JSONL file"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db));

  const fs::path input = dir_ / "docs.jsonl";
  {
    std::ofstream out(input);
    out << R"({"file":"u1/a.pdf","pages":["một"]})"
        << "\n";
    out << R"({"file":"u1/a.pdf","pages":["một lần nữa"]})"
        << "\n";  // the same document again
    out << R"({"file":"u1/b.pdf","page_range":"7-2","pages":["x"]})"
        << "\n";
    out << R"({"file":"u1/c.pdf","page_range":"3-7","pages":["x","y"]})"
        << "\n";
    out << R"({"file":"../../etc/passwd","pages":["x"]})"
        << "\n";
    out << R"({"file":"/etc/passwd","pages":["x"]})"
        << "\n";
    out << R"({"file":"u1/d.pdf","pages":[")" << std::string(17 << 20, 'a') << R"("]})"
        << "\n";
    out << R"({"file":"u1/e.pdf","page_range":"4-5","pages":["x","y"]})"
        << "\n";
  }
  r = Index({"--db", db, "--jsonl", input.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  for (const char* said : {"docs.jsonl:3: \"page_range\" 7-2 ends before it starts",
                           "docs.jsonl:4: \"page_range\" 3-7 holds 5 pages, \"pages\" has 2",
                           "docs.jsonl:5: \"file\" ../../etc/passwd leaves the archive",
                           "docs.jsonl:6: \"file\" /etc/passwd leaves the archive",
                           "docs.jsonl:7: line longer than the limit of 16777216 bytes",
                           "note: 1 lines gave a document", "2 documents, 3 pages", "5 failed"}) {
    EXPECT_NE(r.err.find(said), std::string::npos) << said << "\n" << r.err;
  }
  const auto docs = Documents(db);
  EXPECT_EQ(docs.size(), 2u);
  EXPECT_NE(docs.at("u1/a.pdf#1-1").pages.at(0).text.find("lần nữa"), std::string::npos);
  EXPECT_EQ(docs.count("u1/e.pdf#4-5"), 1u);
}

TEST_F(IndexerE2eTest, WhatIsLeftAsideIsSaidInVietnamese) {
  const fs::path arch = dir_ / "arch";
  fs::create_directories(arch);
  testing::WriteBarePdf(arch / "bomb.pdf", 30);
  ASSERT_EQ(mkfifo((arch / "pipe.pdf").c_str(), 0644), 0);
  fs::create_directory_symlink(".", arch / "loop");
  const RunResult r = Index({"--db", (dir_ / "db").string(), "--lang", "vi", "--max-pages", "20", arch.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  for (const char* said : {"bomb.pdf: quá nhiều trang: 30, giới hạn là 20 trang một tệp (--max-pages)",
                           "pipe.pdf: ống FIFO, không phải tệp; bỏ qua", "(vòng lặp); không đi theo", "2 để ngoài"}) {
    EXPECT_NE(r.err.find(said), std::string::npos) << said << "\n" << r.err;
  }
}

TEST_F(IndexerE2eTest, AnArchiveWithEveryOddInputIndexesTheGoodFilesAndNamesTheRest) {
  const fs::path arch = dir_ / "arch";
  MakeArchive(arch, 4);
  fs::copy_file(arch / "dvbq-0001" / "qd-000.pdf", arch / "dvbq-0001" / "h\xf4 s\xf4.pdf");
  fs::create_directory_symlink(".", arch / "loop");
  fs::create_directory_symlink("..", arch / "dvbq-0002" / "up");
  ASSERT_EQ(mkfifo((arch / "pipe.pdf").c_str(), 0644), 0);
  testing::WriteBarePdf(arch / "bomb.pdf", 2000);
  testing::WriteBarePdf(arch / "blank.pdf", 50);
  std::ofstream(arch / "catalog.csv") << "file,ma_ho_so,box\ndvbq-0001/qd-000.pdf,x,3\ngone.pdf,x,4\n";
  std::ofstream(arch / "broken.pdf") << "%PDF-1.4 not really";
  const std::string db = (dir_ / "db").string();
  const RunResult r =
      Index({"--db", db, "--max-pages", "1000", "--catalog", (arch / "catalog.csv").string(), arch.string()});
  EXPECT_EQ(r.status, 1) << r.err;
  const auto docs = Documents(db);
  for (const std::string id : {"dvbq-0001/qd-000.pdf#1-2", "dvbq-0002/qd-001.pdf#1-2", "dvbq-0001/qd-002.pdf#1-2",
                               "dvbq-0002/qd-003.pdf#1-2", "dvbq-0001/h\xf4 s\xf4.pdf#1-2", "blank.pdf#1-50"}) {
    EXPECT_EQ(docs.count(id), 1u) << id << "\n" << r.err;
  }
  EXPECT_EQ(docs.size(), 6u);
  EXPECT_EQ(docs.at("dvbq-0001/qd-000.pdf#1-2").unit.box, "3");
  for (const char* said : {"bomb.pdf: too many pages", "broken.pdf: not a PDF or damaged", "pipe.pdf: FIFO",
                           "arch/loop: link to the folder", "up: link to the folder", "'ma_ho_so'",
                           "catalog.csv:3: no file gone.pdf", "2 failed", "3 left aside"}) {
    EXPECT_NE(r.err.find(said), std::string::npos) << said << "\n" << r.err;
  }
  // Searchable: "100" is in qd-000.pdf and in its copy under the odd name, and nowhere else.
  Xapian::Database xdb(db);
  Xapian::Enquire enquire(xdb);
  enquire.set_query(Xapian::Query("100"));
  std::set<std::string> files;
  const Xapian::MSet hits = enquire.get_mset(0, 10);
  for (auto it = hits.begin(); it != hits.end(); ++it) {
    files.insert(catalog::schema::ReadStoredDocument(it.get_document()).doc.file);
  }
  EXPECT_EQ(files, (std::set<std::string>{"dvbq-0001/qd-000.pdf", "dvbq-0001/h\xf4 s\xf4.pdf"}));
}

}  // namespace
}  // namespace luutru
