#include "search/serve/guarded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace luutru::serve {
namespace {

using Clock = std::chrono::steady_clock;

// Waits until `sock` has `events` or `timeout` passes; false on timeout or error.
bool WaitFor(int sock, short events, std::chrono::milliseconds timeout) {
  pollfd pfd{sock, events, 0};
  const int ms = static_cast<int>(std::clamp<long long>(timeout.count(), 0, 24LL * 3600 * 1000));
  int n;
  do {
    n = poll(&pfd, 1, ms);
  } while (n < 0 && errno == EINTR);
  return n > 0 && (pfd.revents & (events | POLLHUP | POLLERR));
}

std::string AddressText(const sockaddr_storage& addr) {
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(addr).sin_addr, text, sizeof text);
  } else if (addr.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(addr).sin6_addr, text, sizeof text);
  }
  return text;
}

int PortOf(const sockaddr_storage& addr) {
  if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(addr).sin_port);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(addr).sin6_port);
  return 0;
}

void Endpoint(int sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  const int rc = peer ? getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len)
                      : getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
  ip = rc == 0 ? AddressText(addr) : std::string();
  port = rc == 0 ? PortOf(addr) : 0;
}

// A socket stream whose reads fail once the request's deadline has passed: a client that sends
// a byte now and then cannot keep a worker beyond it.
class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(int sock, std::chrono::milliseconds write_timeout) : sock_(sock), write_timeout_(write_timeout) {}

  void set_deadline(Clock::time_point deadline) { deadline_ = deadline; }

  bool is_readable() const override { return begin_ < end_ || WaitFor(sock_, POLLIN, Remaining()); }
  bool is_writable() const override { return WaitFor(sock_, POLLOUT, write_timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    if (begin_ == end_) {
      if (!WaitFor(sock_, POLLIN, Remaining())) return -1;
      ssize_t n;
      do {
        n = recv(sock_, buffer_, sizeof buffer_, 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    const size_t count = std::min(size, end_ - begin_);
    std::memcpy(ptr, buffer_ + begin_, count);
    begin_ += count;
    return static_cast<ssize_t>(count);
  }

  ssize_t write(const char* ptr, size_t size) override {
    size_t sent = 0;
    while (sent < size) {
      if (!is_writable()) return -1;
      const ssize_t n = send(sock_, ptr + sent, size - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return -1;
      sent += static_cast<size_t>(n);
    }
    return static_cast<ssize_t>(sent);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { Endpoint(sock_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { Endpoint(sock_, false, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  std::chrono::milliseconds Remaining() const {
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()));
  }

  int sock_;
  std::chrono::milliseconds write_timeout_;
  Clock::time_point deadline_ = Clock::now();
  char buffer_[4096];
  size_t begin_ = 0, end_ = 0;
};

// The refusal of a connection over the client's share: written before anything is read, so it
// cannot know the reader's language and speaks Vietnamese, the reading room's default.
std::string TooManyConnections() {
  const std::string body =
      "{\"error\":\"Quá nhiều kết nối cùng lúc từ địa chỉ này; hãy thử lại sau giây lát.\",\"status\":503}";
  std::string out = "HTTP/1.1 503 Service Unavailable\r\n";
  for (const auto& [name, value] : SecurityHeaders()) out += name + ": " + value + "\r\n";
  out += "Cache-Control: no-store\r\nRetry-After: 1\r\nConnection: close\r\n";
  out += "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
  return out;
}

}  // namespace

const httplib::Headers& SecurityHeaders() {
  static const httplib::Headers headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      // Answers other than the page load nothing and may be framed by nobody; the page sets its own.
      {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
  };
  return headers;
}

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
  set_payload_max_length(limits_.max_body_bytes);
  set_keep_alive_max_count(std::max<size_t>(1, limits_.requests_per_connection));
}

bool GuardedServer::Listen() {
  if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, SOMAXCONN);  // listen() again resizes the backlog
  return listen_after_bind();
}

int GuardedServer::OpenConnections(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = open_.find(address);
  return it == open_.end() ? 0 : it->second;
}

bool GuardedServer::Admit(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  int& open = open_[address];
  if (open >= limits_.connections_per_client) return false;
  ++open;
  return true;
}

void GuardedServer::Release(const std::string& address) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = open_.find(address);
  if (it != open_.end() && --it->second <= 0) open_.erase(it);
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  std::string address;
  int port = 0;
  Endpoint(sock, true, address, port);
  bool ok = false;
  if (!Admit(address)) {
    DeadlineStream refusal(sock, std::chrono::milliseconds(1000));
    const std::string answer = TooManyConnections();
    refusal.write(answer.data(), answer.size());
    // Closing with the request unread would reset the connection and could lose the answer:
    // let the client read it, briefly.
    shutdown(sock, SHUT_WR);
    char sink[1024];
    const auto until = Clock::now() + std::chrono::milliseconds(200);
    while (WaitFor(sock, POLLIN, std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now())) &&
           recv(sock, sink, sizeof sink, 0) > 0) {
    }
  } else {
    DeadlineStream stream(sock, limits_.write_timeout);
    for (size_t left = std::max<size_t>(1, limits_.requests_per_connection); left > 0; --left) {
      if (svr_sock_ == INVALID_SOCKET || !WaitFor(sock, POLLIN, limits_.idle_timeout)) break;
      stream.set_deadline(Clock::now() + limits_.request_timeout);
      bool connection_closed = false;
      ok = process_request(stream, left == 1, connection_closed, nullptr);
      if (!ok || connection_closed) break;
    }
    Release(address);
  }
  shutdown(sock, SHUT_RDWR);
  close(sock);
  return ok;
}

}  // namespace luutru::serve
