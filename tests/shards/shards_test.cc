// An archive split into two shards must answer exactly as one database holding everything:
// results, totals, groups and clearance, whether the shards are local folders or served by
// xapian-tcpsrv. A shard that is down is a clear error, never a partial answer.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/test_support.h"

namespace luutru {
namespace {

using nlohmann::json;
using testing::BinaryDir;
using testing::RunCommand;
using testing::TempDir;

const char* kPlaces[] = {"Vũ Thư", "Kiến Xương", "Đông Hưng", "Quỳnh Phụ", "Hưng Hà", "Tiền Hải"};
const char* kTopics[] = {"quỹ vì người nghèo",  "nhà đại đoàn kết", "chuyển đổi số",
                         "phòng chống lụt bão", "công tác lưu trữ", "xây dựng Đảng"};
const char* kTypes[] = {"Nghị quyết", "Chỉ thị", "Thông báo", "Kế hoạch", "Báo cáo"};
const char* kCodes[] = {"NQ", "CT", "TB", "KH", "BC"};
const char* kSecrecy[] = {"thường", "thường", "thường", "mật", "tối mật", ""};

// A small archive in the --jsonl form, deterministic.
std::vector<json> MakeDocuments(int count) {
  std::vector<json> docs;
  for (int i = 0; i < count; ++i) {
    const int fonds = 1 + i % 2;
    const int unit = 1 + (i / 2) % 7;
    const char* place = kPlaces[i % 6];
    const char* topic = kTopics[(i / 3) % 6];
    const int type = i % 5;
    char number[32];
    std::snprintf(number, sizeof number, "%02d-%s/TU", 1 + i % 9, kCodes[type]);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2019 + i % 5, 1 + i % 12, 1 + i % 27);
    const std::string page1 = std::string("ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY THÁI BÌNH\nSố ") + number + "\n" +
                              kTypes[type] + " về " + topic + " tại huyện " + place + ".\nNăm nay toàn tỉnh hỗ trợ " +
                              std::to_string(100 + i * 7) + " hộ, mã số hồ sơ HS" + std::to_string(5000 + i) + ".";
    const std::string page2 = std::string("Ban Thường vụ giao các cơ quan thực hiện ") + topic +
                              (i % 4 == 0 ? ", hoà bình và thuỷ lợi." : ", Vi người nghèo.");
    json doc{{"file",
              "phong-" + std::to_string(fonds) + "/hs-" + std::to_string(unit) + "/doc-" + std::to_string(i) + ".pdf"},
             {"unit_code", "Phông " + std::to_string(fonds) + " / Mục lục 01 / ĐVBQ " + std::to_string(unit)},
             {"unit_title", std::string("Hồ sơ ") + topic},
             {"fonds", "Phông " + std::to_string(fonds)},
             {"inventory", "Mục lục 01"},
             {"box", std::to_string(10 + unit)},
             {"doc_number", number},
             {"doc_date", date},
             {"doc_type", kTypes[type]},
             {"issuer", "Tỉnh ủy Thái Bình"},
             {"title", std::string(kTypes[type]) + " về " + topic},
             {"pages", json::array({page1, page2})}};
    if (*kSecrecy[i % 6]) doc["secrecy"] = kSecrecy[i % 6];
    docs.push_back(std::move(doc));
  }
  return docs;
}

void WriteJsonl(const std::filesystem::path& path, const std::vector<json>& docs, int part, int parts) {
  std::ofstream out(path);
  for (size_t i = 0; i < docs.size(); ++i) {
    if (parts == 1 || static_cast<int>(i % parts) == part) out << docs[i].dump() << "\n";
  }
}

std::string Index(const std::filesystem::path& db, const std::filesystem::path& jsonl) {
  return (BinaryDir() / "indexer" / "luutru-index").string() + " --db " + db.string() + " --jsonl " + jsonl.string() +
         " 2>&1";
}

// The search's answer in a form where documents with equal scores may come in any order.
json Canonical(const json& answer) {
  json out{{"total", answer.at("total")}};
  std::map<std::string, json> by_id;
  for (const json& r : answer.at("results")) {
    json copy = r;
    copy.erase("rank");
    copy.erase("path");
    if (copy.contains("documents")) {
      std::map<std::string, json> docs;
      for (json d : copy["documents"]) {
        d.erase("rank");
        d.erase("path");
        docs[d.at("id").get<std::string>()] = d;
      }
      copy["documents"] = docs;
      by_id[copy.at("unit").at("code").get<std::string>()] = copy;
    } else {
      by_id[copy.at("id").get<std::string>()] = copy;
    }
  }
  out["results"] = by_id;
  return out;
}

class ShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("shards");
    const auto docs = MakeDocuments(60);
    const auto& d = dir_->path();
    WriteJsonl(d / "all.jsonl", docs, 0, 1);
    WriteJsonl(d / "a.jsonl", docs, 0, 2);
    WriteJsonl(d / "b.jsonl", docs, 1, 2);
    for (const char* name : {"all", "a", "b"}) {
      auto r = RunCommand(Index(d / name, d / (std::string(name) + ".jsonl")));
      ASSERT_EQ(r.exit_code, 0) << r.out;
    }
  }
  static void TearDownTestSuite() { delete dir_; }

  static json Search(const std::vector<std::string>& dbs, const std::string& args) {
    std::string cmd = (BinaryDir() / "search" / "luutru-search").string();
    for (const auto& db : dbs) cmd += " --db " + db;
    auto r = RunCommand(cmd + " --format json --limit 1000 " + args);
    EXPECT_EQ(r.exit_code, 0) << cmd << " " << args << "\n" << r.out;
    return r.exit_code == 0 ? json::parse(r.out) : json();
  }

  static std::vector<std::string> Requests() {
    return {"'quỹ vì người nghèo'",
            "'quy vi nguoi ngheo'",
            "'\"nhà đại đoàn kết\"'",
            "'Vì người nghèo'",
            "'hòa bình'",
            "'dang OR luu'",
            "--group-by unit 'chuyển đổi số'",
            "--group-by unit --clearance toi-mat 'huyện'",
            "--clearance mat 'thai binh'",
            "--clearance tuyet-mat --number 05-TB/TU",
            "--unit 'phong 2/muc luc 1/dvbq 3'",
            "--type 'chi thi' --from 2020 --to 2022-06 'tinh'",
            "--sort date 'ho tro'"};
  }

  static TempDir* dir_;
};

TempDir* ShardsTest::dir_ = nullptr;

std::string Path(const std::filesystem::path& p) { return p.string(); }

TEST_F(ShardsTest, TwoLocalShardsAnswerAsOneDatabase) {
  const auto& d = dir_->path();
  for (const auto& request : Requests()) {
    const json one = Search({Path(d / "all")}, request);
    const json two = Search({Path(d / "a"), Path(d / "b")}, request);
    EXPECT_GT(one.value("total", 0), 0) << request << ": the comparison needs some results";
    EXPECT_EQ(Canonical(one), Canonical(two)) << request;
  }
}

// A free TCP port on the loopback interface.
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool Accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

// xapian-tcpsrv serving one shard on the loopback interface, stopped with the object.
class ShardServer {
 public:
  explicit ShardServer(const std::filesystem::path& db) : port_(FreePort()) {
    pid_ = ::fork();
    if (pid_ == 0) {
      // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group.
      ::setpgid(0, 0);
      const std::string port = std::to_string(port_);
      ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", port.c_str(), "--quiet",
               db.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 100 && !Accepts(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~ShardServer() { Stop(); }
  void Stop() {
    if (pid_ > 0) {
      ::kill(-pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
      // A connection process the server forked can outlive the TERM (one did, holding the test's
      // output pipe, so ctest waited for it for good): the rest of the group goes too.
      ::kill(-pid_, SIGKILL);
      pid_ = -1;
    }
  }
  int port() const { return port_; }
  bool running() const { return pid_ > 0 && Accepts(port_); }

 private:
  int port_;
  pid_t pid_ = -1;
};

TEST_F(ShardsTest, RemoteShardsThroughAStubAnswerAsOneDatabase) {
  if (RunCommand("command -v xapian-tcpsrv >/dev/null").exit_code != 0) {
    GTEST_SKIP() << "xapian-tcpsrv (Debian package xapian-tools) is not installed";
  }
  const auto& d = dir_->path();
  ShardServer a(d / "a");
  ShardServer b(d / "b");
  ASSERT_TRUE(a.running() && b.running()) << "xapian-tcpsrv did not start";
  const auto stub = d / "archive.stub";
  std::ofstream(stub) << "remote 127.0.0.1:" << a.port() << "\nremote 127.0.0.1:" << b.port() << "\n";

  for (const auto& request : Requests()) {
    const json local = Search({Path(d / "all")}, request);
    const json remote = Search({Path(stub)}, request);
    EXPECT_EQ(Canonical(local), Canonical(remote)) << request;
  }

  // One shard down: exit 2 with a message that names it, not a partial answer.
  b.Stop();
  auto r = RunCommand((BinaryDir() / "search" / "luutru-search").string() + " --db " + Path(stub) +
                      " --format json 'nguoi ngheo' 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find(std::to_string(b.port())), std::string::npos)
      << "the error should name the shard that is down: " << r.out;
}

// A pull list of more than 1,000 units is counted by reading every match's unit: locally with
// luutru's own counter, through xapian-tcpsrv (which cannot build it) with Xapian's
// ValueCountMatchSpy. Both count the units a `thuong` reader may see.
TEST_F(ShardsTest, RemotePullListOfMoreThanAThousandUnitsCountsAsLocal) {
  if (RunCommand("command -v xapian-tcpsrv >/dev/null").exit_code != 0) {
    GTEST_SKIP() << "xapian-tcpsrv (Debian package xapian-tools) is not installed";
  }
  const auto d = dir_->path() / "large";
  std::filesystem::create_directories(d);
  std::vector<json> docs;
  int visible_units = 0;
  for (int i = 0; i < 2600; ++i) {
    const int unit = i / 2;  // two documents a unit; the second of every third unit is secret
    const bool secret = i % 2 == 1 && unit % 3 == 0;
    if (i % 2 == 0) ++visible_units;
    json doc{{"file", "hs-" + std::to_string(unit) + "/doc-" + std::to_string(i) + ".pdf"},
             {"unit_code", "Phông 3 / Mục lục 01 / ĐVBQ " + std::to_string(unit + 1)},
             {"title", "Báo cáo công tác lưu trữ số " + std::to_string(i)},
             {"pages", json::array({"Báo cáo công tác lưu trữ năm " + std::to_string(2000 + i % 20) + "."})}};
    doc["secrecy"] = secret ? "mật" : "thường";  // unread secrecy counts as `mật`
    docs.push_back(std::move(doc));
  }
  WriteJsonl(d / "large.jsonl", docs, 0, 1);
  auto r = RunCommand(Index(d / "db", d / "large.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.out;
  ShardServer server(d / "db");
  ASSERT_TRUE(server.running()) << "xapian-tcpsrv did not start";
  const auto stub = d / "large.stub";
  std::ofstream(stub) << "remote 127.0.0.1:" << server.port() << "\n";

  const std::string request = "--group-by unit 'công tác lưu trữ'";
  const json local = Search({Path(d / "db")}, request);
  const json remote = Search({Path(stub)}, request);
  EXPECT_EQ(local.value("total", 0), visible_units);
  EXPECT_FALSE(local.value("total_is_estimate", true));
  EXPECT_EQ(Canonical(local), Canonical(remote));
}

}  // namespace
}  // namespace luutru
