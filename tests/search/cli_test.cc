// luutru-search as a program: exit codes, formats, messages in both languages.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/search/search_fixture.h"
#include "tests/test_support.h"

namespace luutru::search::testing {
namespace {

struct CliRun {
  int exit_code;
  std::string out;
  std::string err;
};

class CliTest : public SearchTest {
 protected:
  // Runs luutru-search with `args` (already shell-quoted) and the given LANG.
  CliRun Cli(const std::string& args, const std::string& lang = "C.UTF-8") {
    const auto bin = luutru::testing::BinaryDir() / "search" / "luutru-search";
    const auto err_file = dir_.string() + ".stderr";
    const std::string cmd = "LANG=" + lang + " COLUMNS=80 '" + bin.string() + "' --db '" + dir_.string() + "' " + args +
                            " 2>'" + err_file + "'";
    CliRun run{};
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return run;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) run.out.append(buf.data(), n);
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_file);
    run.err.assign(std::istreambuf_iterator<char>(err), {});
    std::filesystem::remove(err_file);
    return run;
  }
};

TEST_F(CliTest, JsonSearch) {
  const CliRun r = Cli("--format json 'nha dai doan ket'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["results"][0]["number"], "45-TB/TU");
  EXPECT_EQ(j["results"][0]["pages"], nlohmann::json::array({2}));
}

TEST_F(CliTest, QueryWordsMayComeAsSeveralArguments) {
  const CliRun r = Cli("--format json nha dai doan ket");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["query"], "nha dai doan ket");
}

TEST_F(CliTest, TableInVietnameseByDefaultAndEnglishOnRequest) {
  CliRun r = Cli("--number 45-TB/TU");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Tìm thấy 2 văn bản"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Huyện ủy Vũ Thư"), std::string::npos) << "the issuer tells the two apart";
  r = Cli("--number 45-TB/TU", "en_US.UTF-8");
  EXPECT_NE(r.out.find("Found 2 documents"), std::string::npos) << r.out;
  r = Cli("--lang en --number 45-TB/TU");
  EXPECT_NE(r.out.find("Found 2 documents"), std::string::npos) << r.out;
}

TEST_F(CliTest, NoResultsExitsZeroWithHints) {
  const CliRun r = Cli("'quy vi nguoi nghseo'");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Không tìm thấy"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("quy vi nguoi ngheo"), std::string::npos) << r.out;
}

TEST_F(CliTest, UsageAndSyntaxErrorsExitTwo) {
  CliRun r = Cli("'a OR'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cú pháp"), std::string::npos) << r.err;
  r = Cli("--lang en '\"unclosed'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unclosed quote"), std::string::npos) << r.err;
  r = Cli("--format xml x");
  EXPECT_EQ(r.exit_code, 2);
  r = Cli("--clearance boss x");
  EXPECT_EQ(r.exit_code, 2);
  r = Cli("--lang en --type xyz");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown document type 'xyz'"), std::string::npos) << r.err;
  r = Cli("--lang en --unit 'DVBQ 345'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Phông 3 / Mục lục 02 / ĐVBQ 0345"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Phông 12 / Mục lục 01 / ĐVBQ 0345"), std::string::npos) << r.err;
  r = Cli("--lang en --db /nonexistent/db x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/db"), std::string::npos) << r.err;
  r = Cli("");
  EXPECT_EQ(r.exit_code, 2) << "nothing to search for";
}

TEST_F(CliTest, BadNumberSaysWhichPartDidNotParse) {
  CliRun r = Cli("--number '5/luật'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'5/luật': phần ký hiệu 'luật' không phải chữ viết tắt"), std::string::npos) << r.err;
  r = Cli("--lang en --number '5/luật'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'5/luật': the symbol part 'luật' is not an abbreviation"), std::string::npos) << r.err;
  r = Cli("--lang en 'so:1/2'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'2' after '/' is not a year"), std::string::npos) << r.err;
  r = Cli("'so:Số:05'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sau số thiếu '/' hoặc '-'"), std::string::npos) << r.err;
  r = Cli("--lang en --number '15/QĐ-UBND ngày'");
  EXPECT_NE(r.err.find("'ngày' follows a complete number"), std::string::npos) << r.err;
  // The older forms are numbers: an empty answer, not an error.
  r = Cli("--number 02-CP");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(CliTest, ClearanceOption) {
  CliRun r = Cli("--format json --clearance mat 'dai doan ket'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["total"], 3);
  r = Cli("--format json 'dai doan ket'");
  EXPECT_EQ(nlohmann::json::parse(r.out)["total"], 1);
}

TEST_F(CliTest, CsvAndGroupedOutput) {
  CliRun r = Cli("--format csv --lang en tinh --clearance tuyet-mat --group-by unit");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("rank,unit_code,unit_title,box,matching_documents,documents,match\r\n", 0), 0u) << r.out;
  r = Cli("--unit 'phong 12 / muc luc 1 / dvbq 347'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(r.out.find("05/CT-UBND"), r.out.find("15/QĐ-UBND")) << r.out;
}

}  // namespace
}  // namespace luutru::search::testing
