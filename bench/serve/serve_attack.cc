// serve_attack: starts luutru-serve over a database and replays the attacks a hostile client can
// make, printing what an ordinary reader meanwhile gets: the latency of an ordinary search during
// each attack, the server's peak memory, the answers the attackers got, the time a wrong password
// takes for a known and an unknown user, and whether log rotation lost a line.
//
//   serve_attack --serve BUILD/search/serve/luutru-serve --db DIR --secret-id ID [--query WORD]
//
// The attackers come from 127.0.0.2 and up (other clients), the ordinary reader from 127.0.0.1.
#include <arpa/inet.h>
#include <crypt.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "bench/serve/bench_server.h"
#include "tests/serve/loopback.h"

namespace {

using luutru::serve::testing::Encode;
using Clock = std::chrono::steady_clock;

// The Authorization header's value for HTTP Basic, as cpp-httplib's client writes it.
std::string BasicAuth(const std::string& user, const std::string& password) {
  return httplib::make_basic_authentication_header(user, password).second;
}

int g_port = 0;

int Connect(const std::string& source) { return luutru::serve::testing::ConnectFrom(g_port, source); }

struct Answer {
  int status = -1;  // -1: no answer
  double ms = 0;
  std::string body;
};

// One GET over a fresh connection from `source`.
Answer Get(const std::string& target, const std::string& source = "127.0.0.1", const std::string& auth = "",
           int timeout_ms = 60000) {
  Answer a;
  const auto start = Clock::now();
  const int sock = Connect(source);
  if (sock < 0) return a;
  std::string request = "GET " + target + " HTTP/1.1\r\nHost: luutru\r\nConnection: close\r\n";
  if (!auth.empty()) request += "Authorization: " + auth + "\r\n";
  request += "\r\n";
  send(sock, request.data(), request.size(), MSG_NOSIGNAL);
  std::string out;
  for (;;) {
    pollfd pfd{sock, POLLIN, 0};
    if (poll(&pfd, 1, timeout_ms) <= 0) break;
    char buf[16384];
    const ssize_t n = recv(sock, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(sock);
  a.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (out.rfind("HTTP/1.1 ", 0) == 0) a.status = std::atoi(out.c_str() + 9);
  const size_t body = out.find("\r\n\r\n");
  if (body != std::string::npos) a.body = out.substr(body + 4);
  return a;
}

long PeakKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return 0;
}
long RssKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return 0;
}

struct Latency {
  std::vector<double> ms;
  int failed = 0;
  void Print(const char* what) {
    std::sort(ms.begin(), ms.end());
    if (ms.empty()) {
      std::printf("  %-44s no answer (%d failed)\n", what, failed);
      return;
    }
    std::printf("  %-44s n=%zu p50 %.0f ms, max %.0f ms, failed %d\n", what, ms.size(), ms[ms.size() / 2], ms.back(),
                failed);
  }
};

// Asks the ordinary search every 100 ms while `attack_running` holds.
Latency Ordinary(const std::string& target, const std::atomic<bool>& attack_running) {
  Latency l;
  while (attack_running) {
    Answer a = Get(target, "127.0.0.1", "", 30000);
    if (a.status == 200)
      l.ms.push_back(a.ms);
    else
      ++l.failed;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return l;
}

std::string Source(int i) { return "127.0.0." + std::to_string(2 + i); }

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured
  std::map<std::string, std::string> opt;
  for (int i = 1; i + 1 < argc; i += 2) opt[argv[i]] = argv[i + 1];
  if (!opt.count("--serve") || !opt.count("--db") || !opt.count("--secret-id")) {
    std::fprintf(stderr, "usage: serve_attack --serve luutru-serve --db DIR --secret-id ID [--query WORD]\n");
    return 2;
  }
  const std::string word = opt.count("--query") ? opt["--query"] : "quỹ";
  const std::string ordinary = "/api/search?q=" + Encode(word);
  const auto dir = std::filesystem::temp_directory_path() / ("luutru-attack-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  {
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    crypt_gensalt_rn("$y$", 0, nullptr, 0, salt, sizeof salt);
    crypt_data data{};
    std::ofstream(dir / "users.tsv") << "thuthu mat " << crypt_r("mật khẩu", salt, &data) << "\n";
  }
  const auto log = dir / "access.jsonl";
  const luutru::serve::bench::BenchServer server =
      luutru::serve::bench::StartBenchServer({opt["--serve"], "--listen", "127.0.0.1:0", "--db", opt["--db"], "--users",
                                              (dir / "users.tsv").string(), "--access-log", log.string()});
  g_port = server.port;
  if (g_port == 0) {
    std::fprintf(stderr, "serve_attack: the server did not start\n");
    return 1;
  }
  std::printf("luutru-serve pid %d, port %d, ordinary search: %s\n", server.pid, g_port, word.c_str());
  {
    Latency quiet;
    for (int i = 0; i < 20; ++i) quiet.ms.push_back(Get(ordinary).ms);
    std::printf("quiet server:\n");
    quiet.Print("ordinary search");
    std::printf("  memory: %ld MB resident\n", RssKb(server.pid) / 1024);
  }

  // 1. User names by timing: wrong passwords for a known and an unknown user, nine tries per
  //    address (the tenth failure would lock the address out).
  {
    std::vector<double> known, unknown;
    for (int round = 0; round < 3; ++round) {
      for (int i = 0; i < 9; ++i) {
        const std::string src = Source(100 + round * 2);
        if (i % 2 == 0)
          known.push_back(Get("/api/whoami", src, BasicAuth("thuthu", "sai-" + std::to_string(i))).ms);
        else
          unknown.push_back(Get("/api/whoami", Source(101 + round * 2), BasicAuth("khong-co", "sai")).ms);
      }
    }
    std::sort(known.begin(), known.end());
    std::sort(unknown.begin(), unknown.end());
    std::printf("wrong password: known user p50 %.1f ms, unknown user p50 %.1f ms (%zu and %zu tries)\n",
                known[known.size() / 2], unknown[unknown.size() / 2], known.size(), unknown.size());
    int refused = 0;
    for (int i = 0; i < 15; ++i) refused += Get("/api/whoami", Source(120), BasicAuth("thuthu", "x")).status == 429;
    std::printf("failed logins from one address: 15 tries, %d refused with 429 (limit 10 per 10 min)\n", refused);
  }

  // 2. Heavy queries: 16 at once of 4,000 words (8 KB), from one client and from 16 clients; then
  //    16 of the heaviest query the limits allow (32 common words), repeated.
  std::string huge;
  for (int i = 0; i < 4000 && huge.size() < 7000; ++i) huge += (i ? "+" : "") + std::string(i % 2 ? "a" : "b");
  auto heavy_attack = [&](const char* name, const std::string& target, bool many_clients) {
    std::atomic<bool> running{true};
    std::map<int, int> statuses;
    std::mutex m;
    std::vector<std::thread> attackers;
    const auto start = Clock::now();
    for (int i = 0; i < 16; ++i) {
      attackers.emplace_back([&, i] {
        for (int k = 0; k < 4; ++k) {
          Answer a = Get(target, many_clients ? Source(i) : Source(0));
          std::lock_guard<std::mutex> lock(m);
          ++statuses[a.status];
        }
      });
    }
    Latency l;
    std::thread reader([&] { l = Ordinary(ordinary, running); });
    for (auto& t : attackers) t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    running = false;
    reader.join();
    std::printf("%s: 16 attackers x 4 requests in %.1f s, answers:", name, seconds);
    for (auto [status, n] : statuses) std::printf(" %d x%d", status, n);
    std::printf("\n");
    l.Print("ordinary search during the attack");
    std::printf("  peak memory so far: %ld MB\n", PeakKb(server.pid) / 1024);
  };
  heavy_attack("4,000-word queries, one client", "/api/search?q=" + huge, false);
  heavy_attack("4,000-word queries, 16 clients", "/api/search?q=" + huge, true);
  std::string legal;
  const std::vector<std::string> common = {"quỹ",   "năm", "tỉnh",  "về", "của", "và",  "các",  "người",
                                           "nghèo", "kế",  "hoạch", "số", "ủy",  "ban", "nhân", "dân"};
  // 32 words, the most the limits allow, each common in the archive.
  for (int i = 0; i < 32; ++i) legal += (i ? " " : "") + common[i % common.size()];
  heavy_attack("32-word queries (the limit), 16 clients", "/api/search?limit=1000&q=" + Encode(legal), true);
  heavy_attack("32-word grouped queries, 16 clients", "/api/search?group=unit&limit=1000&q=" + Encode(legal), true);

  // 3. Slow headers: 16 connections sending a byte a second, from one client and from 16.
  auto slow_attack = [&](const char* name, bool many_clients, bool with_heavy) {
    std::atomic<bool> running{true};
    std::vector<std::thread> attackers;
    std::atomic<int> refused{0}, cut{0};
    for (int i = 0; i < 16; ++i) {
      attackers.emplace_back([&, i] {
        const int sock = Connect(many_clients ? Source(i) : Source(0));
        const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(40, 'a');
        bool closed = false;
        const auto start = Clock::now();
        for (size_t k = 0; k < request.size() && !closed && Clock::now() - start < std::chrono::seconds(15); ++k) {
          if (send(sock, &request[k], 1, MSG_NOSIGNAL) <= 0) closed = true;
          pollfd pfd{sock, POLLIN, 0};
          if (poll(&pfd, 1, 1000) > 0) {
            char buf[1024];
            const ssize_t n = recv(sock, buf, sizeof buf, 0);
            if (n > 0 && std::strncmp(buf, "HTTP/1.1 503", 12) == 0)
              ++refused;
            else
              ++cut;
            closed = true;
          }
        }
        close(sock);
      });
    }
    std::vector<std::thread> heavy;
    if (with_heavy) {
      for (int i = 0; i < 16; ++i) {
        heavy.emplace_back([&, i] {
          while (running) Get("/api/search?limit=1000&q=" + Encode(legal), Source(20 + i));
        });
      }
    }
    Latency l, health;
    std::thread reader([&] { l = Ordinary(ordinary, running); });
    std::thread healthz([&] { health = Ordinary("/healthz", running); });
    for (auto& t : attackers) t.join();
    running = false;
    reader.join();
    healthz.join();
    for (auto& t : heavy) t.join();
    std::printf("%s: %d refused at once (503), %d cut at the request deadline\n", name, refused.load(), cut.load());
    l.Print("ordinary search during the attack");
    health.Print("/healthz during the attack");
    std::printf("  peak memory so far: %ld MB\n", PeakKb(server.pid) / 1024);
  };
  slow_attack("16 slow-header connections, one client", false, false);
  slow_attack("16 slow-header connections, 16 clients", true, false);
  slow_attack("16 slow-header clients + 16 heavy-query clients", true, true);

  // 4. Log rotation under load: secret views while the log is renamed and SIGHUP sent.
  {
    const std::string auth = BasicAuth("thuthu", "mật khẩu");
    const std::string target = "/api/documents/" + Encode(opt["--secret-id"]);
    int shown = 0, refused = 0;
    std::atomic<bool> rotating{true};
    std::thread rotate([&] {
      for (int r = 1; rotating; ++r) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::error_code ec;
        std::filesystem::rename(log, log.string() + "." + std::to_string(r), ec);
        kill(server.pid, SIGHUP);
      }
    });
    for (int i = 0; i < 1000; ++i) {
      const int status = Get(target, "127.0.0.1", auth).status;
      shown += status == 200;
      refused += status != 200;
    }
    rotating = false;
    rotate.join();
    int lines = 0, files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().filename().string().rfind("access.jsonl", 0) != 0) continue;
      ++files;
      std::ifstream in(e.path());
      for (std::string l; std::getline(in, l);) lines += l.find("\"endpoint\":\"document\"") != std::string::npos;
    }
    std::printf("log rotation: %d secret views shown (%d refused), %d logged lines in %d files, server %s\n", shown,
                refused, lines, files, kill(server.pid, 0) == 0 ? "alive" : "dead");
  }
  std::printf("peak memory of the whole run: %ld MB\n", PeakKb(server.pid) / 1024);
  luutru::serve::bench::StopBenchServer(server);
  std::filesystem::remove_all(dir);
  return 0;
}
