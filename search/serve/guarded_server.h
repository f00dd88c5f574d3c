// An HTTP server that a slow or greedy client cannot stall: cpp-httplib's server with its
// connection handling replaced.
//
// Each connection holds one worker thread while it is served, so the guards bound how long and how
// many a client may hold:
//   - a client address holds at most `connections_per_client` connections at once; one more is
//     answered 503 at once, before anything is read from it;
//   - a request (request line, headers and body together) must arrive within `request_timeout`
//     of its first byte, however slowly it trickles in; a connection idle for `idle_timeout`
//     between requests is closed;
//   - a body longer than `max_body_bytes` is refused (413), a request line or header line longer
//     than cpp-httplib's 8 KB is refused (414/400).
// Behind a reverse proxy every client has the proxy's address: the proxy must apply its own limits.
#ifndef LUUTRU_SEARCH_SERVE_GUARDED_SERVER_H_
#define LUUTRU_SEARCH_SERVE_GUARDED_SERVER_H_

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace luutru::serve {

struct ConnectionLimits {
  int connections_per_client = 8;
  std::chrono::milliseconds request_timeout{10000};
  std::chrono::milliseconds idle_timeout{5000};
  std::chrono::milliseconds write_timeout{30000};
  size_t requests_per_connection = 100;
  size_t max_body_bytes = 8192;
};

// Headers every answer carries, refusals of the guard included.
const httplib::Headers& SecurityHeaders();

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits);

  // After bind_to_port/bind_to_any_port: serves until stopped, as listen_after_bind(), with a
  // listen backlog of SOMAXCONN (cpp-httplib's 5 drops connections arriving together, which
  // then wait a second for the SYN to be sent again).
  bool Listen();

  // Connections currently open from `address` (for tests and figures).
  int OpenConnections(const std::string& address);

 private:
  bool process_and_close_socket(socket_t sock) override;
  // Counts a new connection from `address`; false (nothing counted) when it holds enough already.
  bool Admit(const std::string& address);
  void Release(const std::string& address);

  ConnectionLimits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, int> open_;  // connections per client address
};

}  // namespace luutru::serve

#endif  // LUUTRU_SEARCH_SERVE_GUARDED_SERVER_H_
