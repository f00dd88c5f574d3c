// luutru-serve against hostile or careless clients, end to end: the security headers on every
// answer, no server path in any answer, the request limits, failed logins throttled and logged,
// connections per client bounded, a slow request cut at its deadline, and the access log
// following log rotation (SIGHUP, or a file renamed or deleted under it).
#include <poll.h>
#include <sys/socket.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/serve/serve_fixture.h"

namespace luutru::serve::testing {
namespace {

using nlohmann::json;
using ServeGuardTest = ServeFixture;

// Everything the server sends until it closes the connection or `timeout` passes.
std::string ReadAll(int sock, std::chrono::milliseconds timeout) {
  std::string out;
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    pollfd pfd{sock, POLLIN, 0};
    if (left.count() <= 0 || poll(&pfd, 1, static_cast<int>(left.count())) <= 0) break;
    char buf[4096];
    const ssize_t n = recv(sock, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

TEST_F(ServeGuardTest, EveryAnswerCarriesTheSecurityHeaders) {
  const std::vector<std::pair<std::string, int>> answers = {{"/", 200},
                                                            {"/app.js", 200},
                                                            {"/healthz", 200},
                                                            {"/api/search?q=ngheo", 200},
                                                            {"/api/search?q=%22", 400},
                                                            {"/api/documents/none", 404},
                                                            {"/nowhere", 404},
                                                            {"/login", 401}};
  for (const auto& [path, status] : answers) {
    auto res = Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, status) << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << path;
    EXPECT_EQ(res->get_header_value_count("Content-Security-Policy"), 1u) << path;
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos)
        << path;
  }
  // The page's own policy lets it load its script, style and images.
  EXPECT_NE(Get("/")->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  // Anything shown to a reader above thuong is never stored by a cache.
  for (const std::string& path : {std::string("/api/search?q=ngheo"), DocPath("mat.pdf"),
                                  DocPath("mat.pdf") + "/pages/1.png?dpi=30", std::string("/api/whoami")}) {
    auto res = Get(path, "thuthu", "mật khẩu");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_NE(res->get_header_value("Cache-Control").find("no-store"), std::string::npos) << path;
  }
}

TEST_F(ServeGuardTest, NoAnswerNamesWhereTheArchiveLiesOnTheServer) {
  const std::string root = dir_->path().string();
  const std::string unit = "/api/units/" + Encode("Phông 12 / Mục lục 01 / ĐVBQ 0345");
  for (const std::string& path :
       std::vector<std::string>{"/api/search?q=ngheo", "/api/search?q=ngheo&group=unit",
                                "/api/search?q=ngheo&format=csv", unit, DocPath("cong-khai.pdf")}) {
    for (const bool signed_in : {false, true}) {
      auto res = signed_in ? Get(path, "lanhdao", "bí mật") : Get(path);
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 200) << path;
      EXPECT_EQ(res->body.find(root), std::string::npos) << path << ": " << res->body.substr(0, 400);
      EXPECT_NE(res->body.find("cong-khai.pdf"), std::string::npos) << path;  // named relative to the archive
    }
  }
}

TEST_F(ServeGuardTest, RequestsBeyondTheLimitsAreRefusedSayingWhy) {
  const std::string long_query(600, 'a');
  json too_long = GetJson("/api/search?q=" + long_query, 400);
  EXPECT_NE(too_long["error"].get<std::string>().find("tối đa 512"), std::string::npos) << too_long;
  std::string many_words;
  for (int i = 0; i < 40; ++i) many_words += "ngheo+";
  json too_many = GetJson("/api/search?q=" + many_words, 400);
  EXPECT_NE(too_many["error"].get<std::string>().find("40 từ"), std::string::npos) << too_many;
  json english = GetJson("/api/search?lang=en&q=" + many_words, 400);
  EXPECT_NE(english["error"].get<std::string>().find("at most 32"), std::string::npos) << english;
  json offset = GetJson("/api/search?q=ngheo&offset=200000", 400);
  EXPECT_NE(offset["error"].get<std::string>().find("offset"), std::string::npos) << offset;
  json unit = GetJson("/api/search?unit=" + std::string(300, 'x'), 400);
  EXPECT_NE(unit["error"].get<std::string>().find("unit"), std::string::npos) << unit;
  // A request line beyond 8 KB never reaches the search.
  auto huge = Get("/api/search?q=" + std::string(9000, 'a'));
  ASSERT_TRUE(huge);
  EXPECT_GE(huge->status, 400);
  EXPECT_LT(huge->status, 500);
}

TEST_F(ServeGuardTest, FailedLoginsAreThrottledPerClientAndLogged) {
  const std::string log = (dir_->path() / "throttle.jsonl").string();
  const RunningServer server =
      StartServer({"--db", db_path_, "--users", (dir_->path() / "users.tsv").string(), "--access-log", log});
  ASSERT_GT(server.port, 0);
  httplib::Client client("127.0.0.1", server.port);
  client.set_basic_auth("thuthu", "sai");
  for (int i = 0; i < 10; ++i) EXPECT_EQ(client.Get("/api/whoami")->status, 401);
  auto refused = client.Get("/api/whoami");
  EXPECT_EQ(refused->status, 429);
  EXPECT_GT(std::stoi(refused->get_header_value("Retry-After")), 0);
  EXPECT_NE(json::parse(refused->body)["error"].get<std::string>().find("đăng nhập sai"), std::string::npos);
  // Locked out, the right password is refused too: guessing gains nothing.
  client.set_basic_auth("thuthu", "mật khẩu");
  EXPECT_EQ(client.Get("/api/whoami")->status, 429);
  // Anonymous reading goes on.
  httplib::Client anonymous("127.0.0.1", server.port);
  EXPECT_EQ(anonymous.Get("/api/whoami")->status, 200);
  StopServer(server);
  std::ifstream in(log);
  int failures = 0;
  for (std::string line; std::getline(in, line);) {
    const json record = json::parse(line);
    if (record["endpoint"] == "login-failed") {
      ++failures;
      EXPECT_EQ(record["user"], "thuthu");
      EXPECT_EQ(record["remote"], "127.0.0.1");
    }
  }
  EXPECT_EQ(failures, 10);
}

TEST_F(ServeGuardTest, SlowClientsHoldNoMoreThanTheirShareAndAreCutAtTheDeadline) {
  const RunningServer server = StartServer({"--db", db_path_, "--threads", "16"});
  ASSERT_GT(server.port, 0);
  // Eight connections from one client that send their request line a byte at a time.
  std::vector<int> slow;
  for (int i = 0; i < 8; ++i) {
    slow.push_back(ConnectFrom(server.port, "127.0.0.2"));
    ASSERT_GE(slow.back(), 0);
    send(slow.back(), "G", 1, MSG_NOSIGNAL);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  // A ninth is refused at once, with a reason.
  const int ninth = ConnectFrom(server.port, "127.0.0.2");
  const std::string refusal = ReadAll(ninth, std::chrono::milliseconds(3000));
  close(ninth);
  EXPECT_EQ(refusal.rfind("HTTP/1.1 503", 0), 0u) << refusal;
  EXPECT_NE(refusal.find("Quá nhiều kết nối"), std::string::npos) << refusal;
  // Another client is served meanwhile.
  httplib::Client other("127.0.0.1", server.port);
  const auto start = std::chrono::steady_clock::now();
  auto res = other.Get("/api/search?q=ngheo");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  // A byte a second does not keep a connection: it is closed at the request deadline (10 s).
  const auto trickle_start = std::chrono::steady_clock::now();
  bool closed = false;
  const std::string request = "ET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  for (size_t i = 0; i < request.size() && !closed; ++i) {
    for (int s : slow) {
      if (send(s, &request[i], 1, MSG_NOSIGNAL) <= 0) closed = true;
    }
    pollfd pfd{slow[0], POLLIN, 0};
    if (poll(&pfd, 1, 1000) > 0) {
      char buf[512];
      if (recv(slow[0], buf, sizeof buf, 0) <= 0)
        closed = true;
      else
        closed = true;  // an answer (400/408) before the close counts as cut too
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - trickle_start).count();
  for (int s : slow) close(s);
  StopServer(server);
  EXPECT_TRUE(closed);
  EXPECT_LT(seconds, 14.0);
}

TEST_F(ServeGuardTest, TheAccessLogFollowsRotationAndLosesNoLine) {
  const auto log = dir_->path() / "rotated.jsonl";
  const RunningServer server =
      StartServer({"--db", db_path_, "--users", (dir_->path() / "users.tsv").string(), "--access-log", log.string()});
  ASSERT_GT(server.port, 0);
  httplib::Client client("127.0.0.1", server.port);
  client.set_url_encode(false);
  client.set_basic_auth("thuthu", "mật khẩu");
  auto view = [&] { return client.Get(DocPath("mat.pdf"))->status; };
  auto lines = [](const std::filesystem::path& p) {
    std::ifstream in(p);
    int n = 0;
    for (std::string l; std::getline(in, l);) n += l.find("\"document\"") != std::string::npos;
    return n;
  };
  ASSERT_EQ(view(), 200);
  // logrotate: rename, then SIGHUP. The server lives on and writes to a new file at the path.
  std::filesystem::rename(log, dir_->path() / "rotated.jsonl.1");
  kill(server.pid, SIGHUP);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(view(), 200);
  // Renamed without a signal, then deleted: each time the next line starts a file at the path.
  std::filesystem::rename(log, dir_->path() / "rotated.jsonl.2");
  ASSERT_EQ(view(), 200);
  ASSERT_EQ(view(), 200);
  std::filesystem::remove(log);
  ASSERT_EQ(view(), 200);
  EXPECT_EQ(lines(dir_->path() / "rotated.jsonl.1"), 1);
  EXPECT_EQ(lines(dir_->path() / "rotated.jsonl.2"), 1);
  EXPECT_EQ(lines(log), 1);
  // A path that cannot be written refuses the secret view, as before.
  std::filesystem::remove(log);
  std::filesystem::create_directory(log);
  EXPECT_EQ(view(), 500);
  kill(server.pid, SIGHUP);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(view(), 500);
  std::filesystem::remove(log);
  EXPECT_EQ(view(), 200);
  EXPECT_EQ(lines(log), 1);
  StopServer(server);
}

}  // namespace
}  // namespace luutru::serve::testing
