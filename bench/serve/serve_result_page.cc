// serve_result_page: the time a reader waits for a result page of the reading room with its
// thumbnails, as a browser loads it: the search (/api/search, 20 results), then every thumbnail
// the page shows (up to 8 matching pages a document, 40 dpi, the query's words marked) over 6
// connections, the browser's limit per server. A page is measured cold (its thumbnails never
// rendered) and warm (the same page again), for several queries.
//
//   serve_result_page --serve BUILD/search/serve/luutru-serve --db DIR --queries "w1,w2,..."
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "bench/serve/bench_server.h"
#include "tests/serve/loopback.h"

namespace {

using luutru::serve::testing::Encode;
using Clock = std::chrono::steady_clock;
constexpr int kConnections = 6;
constexpr int kResults = 20;
constexpr int kThumbnailsPerDocument = 8;

struct PageTime {
  double search_ms = 0;
  double total_ms = 0;  // the search and every thumbnail
  size_t documents = 0;
  size_t thumbnails = 0;
  size_t failed = 0;
};

// Loads the result page of `q` as the page's script does.
PageTime LoadPage(int port, const std::string& q) {
  PageTime t;
  const auto start = Clock::now();
  httplib::Client search("127.0.0.1", port);
  search.set_read_timeout(120, 0);
  auto res = search.Get("/api/search?limit=" + std::to_string(kResults) + "&q=" + Encode(q));
  t.search_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (!res || res->status != 200) {
    t.failed = 1;
    return t;
  }
  const auto answer = nlohmann::json::parse(res->body);
  std::vector<std::string> thumbnails;
  for (const auto& hit : answer["results"]) {
    ++t.documents;
    int shown = 0;
    for (const auto& page : hit["pages"]) {
      if (shown++ == kThumbnailsPerDocument) break;
      thumbnails.push_back("/api/documents/" + Encode(hit["id"].get<std::string>()) + "/pages/" +
                           std::to_string(page.get<int>()) + ".png?dpi=40&q=" + Encode(q));
    }
  }
  t.thumbnails = thumbnails.size();
  std::atomic<size_t> next{0}, failed{0};
  std::vector<std::thread> connections;
  for (int c = 0; c < kConnections; ++c) {
    connections.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_read_timeout(120, 0);
      for (size_t i; (i = next++) < thumbnails.size();) {
        auto r = client.Get(thumbnails[i]);
        if (!r || r->status != 200 || r->body.rfind("\x89PNG", 0) != 0) ++failed;
      }
    });
  }
  for (auto& c : connections) c.join();
  t.failed = failed;
  t.total_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::map<std::string, std::string> opt;
  for (int i = 1; i + 1 < argc; i += 2) opt[argv[i]] = argv[i + 1];
  if (!opt.count("--serve") || !opt.count("--db") || !opt.count("--queries")) {
    std::fprintf(stderr, "usage: serve_result_page --serve PROGRAM --db DIR --queries w1,w2,...\n");
    return 2;
  }
  std::vector<std::string> queries;
  std::stringstream list(opt["--queries"]);
  for (std::string q; std::getline(list, q, ',');) queries.push_back(q);
  const luutru::serve::bench::BenchServer server = luutru::serve::bench::StartBenchServer(
      {opt["--serve"], "--listen", "127.0.0.1:0", "--db", opt["--db"], "--access-log", "/dev/null"});
  if (server.port == 0) {
    std::fprintf(stderr, "luutru-serve did not start\n");
    return 1;
  }
  std::printf("%9s %11s %10s %13s %13s  %s\n", "documents", "thumbnails", "search ms", "cold page ms", "warm page ms",
              "query");
  std::vector<double> cold, warm;
  int failed = 0;
  for (const std::string& q : queries) {
    const PageTime first = LoadPage(server.port, q);
    const PageTime again = LoadPage(server.port, q);
    failed += static_cast<int>(first.failed + again.failed);
    cold.push_back(first.total_ms);
    warm.push_back(again.total_ms);
    std::printf("%9zu %11zu %10.0f %13.0f %13.0f  %s\n", first.documents, first.thumbnails, first.search_ms,
                first.total_ms, again.total_ms, q.c_str());
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
  };
  std::printf("median over %zu queries: cold %.0f ms, warm %.0f ms; %d thumbnails failed\n", queries.size(),
              median(cold), median(warm), failed);
  luutru::serve::bench::StopBenchServer(server);
  return failed == 0 ? 0 : 1;
}
